import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadSlaPolicyRegistry } from '#casetrail/application';
import { computeSlaClocks, type CaseEvent } from '#casetrail/domain';
import { ok, reportCase } from './support/case-steps.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const HOUR = 3_600_000;
/** Ten days ago on the hour; the on-site clock counts plain hours, so no calendar enters the numbers below. */
const base = Math.floor((Date.now() - 10 * 24 * HOUR) / HOUR) * HOUR;
const at = (hours: number): string => new Date(base + hours * HOUR).toISOString();

interface Clock {
  clock: string;
  state: string;
  stoppedAt: string | null;
  dueAt: string | null;
  pausedSeconds: number;
  elapsedSeconds: number;
}
interface Entry {
  type: string;
  occurredAt: string;
  data: unknown;
  slaClocks: Clock[];
}
const clock = (clocks: Clock[], name: string): Clock | undefined => clocks.find((c) => c.clock === name);

/**
 * A general urban case: reported at 0 h, contacted at 1 h, on hold awaiting the customer from 2 h
 * to 5 h (which pauses the on-site and repair clocks), dispatched at 6 h, technician on site at 8 h.
 */
describe('a case history carries the SLA clocks as they stood', () => {
  let t: TestApp;
  let id: string;
  let entries: Entry[];

  beforeAll(async () => {
    t = await startTestApp();
    id = await reportCase(t.http, { occurredAt: at(0) });
    const steps: Array<['agent' | 'dispatcher' | 'technician', string, number, Record<string, unknown>]> = [
      ['agent', 'contact', 1, { channel: 'phone' }],
      ['agent', 'hold', 2, { reason: 'awaiting-customer' }],
      ['agent', 'resume', 5, {}],
      ['dispatcher', 'dispatch', 6, { technicianId: 'tech-1' }],
      ['technician', 'arrive', 8, {}],
    ];
    for (const [actor, path, hours, body] of steps) ok(await t.http.post(actor, `/v1/cases/${id}/${path}`, { ...body, occurredAt: at(hours) }));
    entries = ok(await t.http.get('auditor', `/v1/cases/${id}/history`)).body.events;
  });
  afterAll(() => t.dispose());

  it('starts the report clocks with the report', () => {
    const first = entries[0]!.slaClocks;
    expect(first.map((c) => [c.clock, c.state])).toEqual([
      ['firstResponse', 'running'],
      ['onSite', 'running'],
      ['repair', 'running'],
    ]);
    expect(clock(first, 'firstResponse')).toMatchObject({ dueAt: at(24), elapsedSeconds: 0, stoppedAt: null });
  });

  it('stops the first-response clock at the contact', () => {
    expect(clock(entries[1]!.slaClocks, 'firstResponse')).toMatchObject({ state: 'met', stoppedAt: at(1), elapsedSeconds: 3600 });
    expect(clock(entries[1]!.slaClocks, 'onSite')).toMatchObject({ state: 'running', elapsedSeconds: 3600 });
  });

  it('pauses the on-site clock while the customer is awaited, and moves its due by the hold', () => {
    expect(clock(entries[2]!.slaClocks, 'onSite')).toMatchObject({ state: 'paused', dueAt: at(24), elapsedSeconds: 2 * 3600 });
    expect(clock(entries[2]!.slaClocks, 'repair')!.state).toBe('paused');
    expect(clock(entries[3]!.slaClocks, 'onSite')).toMatchObject({ state: 'running', dueAt: at(27), pausedSeconds: 3 * 3600, elapsedSeconds: 2 * 3600 });
  });

  it('meets the on-site promise at the arrival and starts the loaner clock', () => {
    const last = entries[5]!.slaClocks;
    expect(clock(last, 'onSite')).toMatchObject({ state: 'met', stoppedAt: at(8), elapsedSeconds: 5 * 3600, pausedSeconds: 3 * 3600 });
    expect(clock(last, 'loaner')).toMatchObject({ state: 'running', dueAt: at(56) });
  });

  it('gives every entry the clocks the engine computes for the events up to it', () => {
    const policy = loadSlaPolicyRegistry().get('standard-v1');
    const events = entries.map(({ type, data, occurredAt }) => ({ type, data, occurredAt }) as CaseEvent);
    for (const [i, entry] of entries.entries()) {
      expect(entry.slaClocks).toEqual(JSON.parse(JSON.stringify(computeSlaClocks(events.slice(0, i + 1), entry.occurredAt, policy))));
    }
  });

  it('answers asOf an instant inside the hold with the clocks at that instant', async () => {
    const res = ok(await t.http.get('auditor', `/v1/cases/${id}/history?asOf=${encodeURIComponent(at(4))}`)).body;
    expect(res.asOf).toBe(at(4));
    expect(res.events.map((e: Entry) => e.type)).toEqual(['CaseReported', 'CustomerContacted', 'CaseOnHold']);
    expect(clock(res.slaClocks, 'onSite')).toMatchObject({ state: 'paused', pausedSeconds: 2 * 3600, elapsedSeconds: 2 * 3600 });
    expect(clock(res.slaClocks, 'firstResponse')).toMatchObject({ state: 'met' });
  });

  it('answers asOf an instant between events with time run on since the last one', async () => {
    const res = ok(await t.http.get('supervisor', `/v1/cases/${id}/history?asOf=${encodeURIComponent(at(7))}`)).body;
    expect(res.events).toHaveLength(5);
    expect(clock(res.slaClocks, 'onSite')).toMatchObject({ state: 'running', elapsedSeconds: 4 * 3600, pausedSeconds: 3 * 3600, dueAt: at(27) });
    const beforeReport = ok(await t.http.get('auditor', `/v1/cases/${id}/history?asOf=${encodeURIComponent(at(-1))}`)).body;
    expect(beforeReport).toEqual({ caseId: id, events: [], asOf: at(-1), slaClocks: [] });
  });

  it('leaves asOf out when the history is not asked as of an instant', async () => {
    const res = ok(await t.http.get('auditor', `/v1/cases/${id}/history?revision=1`)).body;
    expect(res.events).toHaveLength(2);
    expect(res).not.toHaveProperty('asOf');
    expect(res).not.toHaveProperty('slaClocks');
  });

  it('shows the clocks as they stand now on the case itself', async () => {
    const view = ok(await t.http.get('agent', `/v1/cases/${id}`)).body;
    expect(clock(view.slaClocks, 'onSite')).toMatchObject({ state: 'met', stoppedAt: at(8) });
    // Ten days on, the loaner owed 48 h after the arrival is overdue.
    expect(clock(view.slaClocks, 'loaner')).toMatchObject({ state: 'overdue', stoppedAt: null });
    const policy = loadSlaPolicyRegistry().get('standard-v1');
    const events = entries.map(({ type, data, occurredAt }) => ({ type, data, occurredAt }) as CaseEvent);
    expect(clock(view.slaClocks, 'repair')!.state).toBe(clock(computeSlaClocks(events, new Date().toISOString(), policy), 'repair')!.state);
  });
});
