import { describe, expect, it } from '@jest/globals';
import { IN_PROCESS, threadsOf, type ThreadDefaults } from './threads.js';

const SERVER: ThreadDefaults = { projections: 'worker', eventWriter: 'inline', queryThreads: 2, projectionNice: 10 };
const EVENTS = '/data/events.sqlite';

describe('the threads the embedded profile runs', () => {
  it('takes the defaults when the environment says nothing', () => {
    expect(threadsOf(EVENTS, SERVER, {})).toEqual(SERVER);
    expect(threadsOf(EVENTS, IN_PROCESS, { CASETRAIL_QUERY_THREADS: ' ' })).toEqual(IN_PROCESS);
  });

  it('takes what the environment asks for', () => {
    expect(
      threadsOf(EVENTS, SERVER, { CASETRAIL_PROJECTIONS: 'off', CASETRAIL_EVENT_WRITER: 'thread', CASETRAIL_QUERY_THREADS: '0', CASETRAIL_PROJECTION_NICE: '0' }),
    ).toEqual({ projections: 'off', eventWriter: 'thread', queryThreads: 0, projectionNice: 0 });
    expect(threadsOf(EVENTS, IN_PROCESS, { CASETRAIL_QUERY_THREADS: '8' }).queryThreads).toBe(8);
    expect(threadsOf(EVENTS, IN_PROCESS, { CASETRAIL_PROJECTION_NICE: '19' }).projectionNice).toBe(19);
  });

  it('falls back to inline projections and writes without the SQLite event store, keeping the query threads', () => {
    expect(threadsOf(null, SERVER, {})).toEqual({ projections: 'inline', eventWriter: 'inline', queryThreads: 2, projectionNice: 10 });
  });

  it.each(['-1', '9', '1.5', 'two', '0x2'])('refuses CASETRAIL_QUERY_THREADS=%s', (asked) => {
    expect(() => threadsOf(EVENTS, SERVER, { CASETRAIL_QUERY_THREADS: asked })).toThrow(`CASETRAIL_QUERY_THREADS must be a whole number from 0 to 8, not "${asked}"`);
  });

  it.each(['-1', '20', '5.5', 'low'])('refuses CASETRAIL_PROJECTION_NICE=%s', (asked) => {
    expect(() => threadsOf(EVENTS, SERVER, { CASETRAIL_PROJECTION_NICE: asked })).toThrow(`CASETRAIL_PROJECTION_NICE must be a whole number from 0 to 19, not "${asked}"`);
  });

  it('refuses a thread mode it does not know', () => {
    expect(() => threadsOf(EVENTS, SERVER, { CASETRAIL_PROJECTIONS: 'sometimes' })).toThrow('CASETRAIL_PROJECTIONS must be inline, worker, off, not "sometimes"');
  });
});
