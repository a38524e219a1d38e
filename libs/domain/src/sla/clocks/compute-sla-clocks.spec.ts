import type { CaseEvent } from '../../service-case/events.js';
import { arrived, complaintFiled, contacted, onHold, progress, repaired, reported, resumed } from '../testing/case-events.fixture.js';
import { cst, standardV1 } from '../testing/shipped-policies.fixture.js';
import { computeSlaClocks, slaClocksAfterEachEvent } from './compute-sla-clocks.js';

const MON = '2026-03-09';
const events = [reported(`${MON}T09:00`), contacted(`${MON}T10:00`), arrived(`${MON}T15:00`), complaintFiled(`${MON}T16:00`, 'c-1'), repaired('2026-03-10T11:00')];

describe('computing the clocks of a case', () => {
  it('ignores events after the instant asked about', () => {
    const asAt = computeSlaClocks(events, cst(`${MON}T12:00`), standardV1);
    expect(asAt.map((c) => `${c.clock}:${c.state}`)).toEqual(['firstResponse:met', 'onSite:running', 'repair:running']);
  });

  it('gives nothing for a stream that has no report', () => {
    expect(computeSlaClocks(events.slice(1), cst('2026-03-12T00:00'), standardV1)).toEqual([]);
  });

  it('refuses an instant that is not ISO-8601', () => {
    expect(() => computeSlaClocks(events, 'yesterday', standardV1)).toThrow(RangeError);
  });

  it('is a pure function of events, instant and policy', () => {
    const now = cst('2026-03-11T00:00');
    expect(computeSlaClocks(events, now, standardV1)).toEqual(computeSlaClocks([...events], now, standardV1));
  });
});

describe('the clocks after each event', () => {
  it('equals computing the clocks as at each event', () => {
    const history = slaClocksAfterEachEvent(events, standardV1);
    expect(history).toHaveLength(events.length);
    events.forEach((event, index) => expect(history[index]).toEqual(computeSlaClocks(events, event.occurredAt, standardV1)));
  });

  it('folds a 1,000-event case in one pass', () => {
    const long: CaseEvent[] = [reported('2026-03-02T09:00'), contacted('2026-03-02T09:10'), arrived('2026-03-02T11:00')];
    for (let i = 0; i < 333; i++) {
      const day = `2026-03-${String(3 + Math.floor(i / 12)).padStart(2, '0')}`;
      const hour = String(8 + (i % 12)).padStart(2, '0');
      long.push(onHold(`${day}T${hour}:00`, 'awaiting-customer'), resumed(`${day}T${hour}:30`, 'awaiting-customer'));
      long.push(i % 30 === 0 ? complaintFiled(`${day}T${hour}:45`, `c-${i}`) : progress(`${day}T${hour}:45`, 'progress'));
    }
    long.splice(1000);
    const started = performance.now();
    const history = slaClocksAfterEachEvent(long, standardV1);
    expect(history).toHaveLength(1000);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(history.at(-1)).toEqual(computeSlaClocks(long, long.at(-1)!.occurredAt, standardV1));
  });
});
