import { RecentEvents } from './recent-events.js';
import type { EventRow } from './sqlite-statements.js';

const row = (position: number): EventRow => ({
  position,
  stream_id: `ServiceCase-${position}`,
  revision: 0,
  event_id: `e-${position}`,
  type: 'Tested.v1',
  data: `{"n":${position}}`,
  metadata: '{}',
  hash: `h${position}`,
});
const rows = (from: number, to: number): EventRow[] => Array.from({ length: to - from + 1 }, (_, i) => row(from + i));
const positions = (events: readonly { position: number }[] | null) => events?.map((e) => e.position) ?? null;

describe('RecentEvents', () => {
  it('serves the events after a position, parsed as the file would give them, up to a limit', () => {
    const recent = new RecentEvents();
    recent.add(rows(1, 5));
    expect(positions(recent.read(2, -1, 5))).toEqual([3, 4, 5]);
    expect(positions(recent.read(0, 2, 5))).toEqual([1, 2]);
    expect(positions(recent.read(5, -1, 5))).toEqual([]);
    expect(recent.read(2, 1, 5)![0]!.data).toEqual({ n: 3 });
  });

  it('shares one parsed event between readers', () => {
    const recent = new RecentEvents();
    recent.add(rows(1, 2));
    expect(recent.read(0, -1, 2)![1]).toBe(recent.read(1, -1, 2)![0]);
  });

  it('sends the reader to the file when the file has moved past what it holds', () => {
    const recent = new RecentEvents();
    recent.add(rows(1, 5));
    expect(recent.read(5, -1, 6)).toBeNull();
  });

  it('sends the reader to the file for positions before the ones it holds', () => {
    const recent = new RecentEvents();
    recent.add(rows(10, 12));
    expect(recent.read(8, -1, 12)).toBeNull();
    expect(positions(recent.read(9, -1, 12))).toEqual([10, 11, 12]);
  });

  it('starts over after a gap (another process appended in between)', () => {
    const recent = new RecentEvents();
    recent.add(rows(1, 3));
    recent.add(rows(6, 7));
    expect(recent.read(3, -1, 7)).toBeNull();
    expect(positions(recent.read(5, -1, 7))).toEqual([6, 7]);
  });

  it('keeps about its capacity, dropping the oldest', () => {
    const recent = new RecentEvents(8);
    for (let p = 1; p <= 40; p += 1) recent.add([row(p)]);
    expect(recent.read(0, -1, 40)).toBeNull();
    expect(positions(recent.read(32, -1, 40))).toEqual([33, 34, 35, 36, 37, 38, 39, 40]);
  });

  it('keeps the newest rows of an add longer than its capacity, even one of a whole store', () => {
    const recent = new RecentEvents(8);
    recent.add(rows(1, 4));
    recent.add(rows(5, 500_004));
    expect(recent.end()).toBe(500_004);
    expect(recent.read(500_000 - 8, -1, 500_004)).toBeNull();
    expect(positions(recent.read(500_004 - 8, 2, 500_004))).toEqual([499_997, 499_998]);
  });

  it('says where what it holds ends, and whether a read after a position starts within it', () => {
    const recent = new RecentEvents();
    expect(recent.end()).toBeNull();
    expect(recent.holds(0)).toBe(false);
    recent.add(rows(10, 12));
    expect(recent.end()).toBe(12);
    expect([8, 9, 12, 13].map((after) => recent.holds(after))).toEqual([false, true, true, false]);
  });
});
