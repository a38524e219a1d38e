import type { CaseEvent } from '#casetrail/domain';
import { CASE_EVENT_TYPES, CaseEventSerializer, caseEventSerializer } from './case-event-serializer.js';
import { EventSerializer } from './event-serializer.js';
import { CASE_EVENT_SAMPLES } from './testing/case-event-samples.js';
import { recorded } from './testing/recorded.js';
import { UnknownEventTypeError } from './unknown-event-type.error.js';

describe('the case event serializer', () => {
  it.each(Object.values(CASE_EVENT_SAMPLES) as CaseEvent[])('round-trips $type', (event) => {
    const { type, data } = caseEventSerializer.serialize(event);
    const stored = JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
    expect(caseEventSerializer.deserialize(recorded(type, stored, event.occurredAt))).toEqual(event);
  });

  it('stores CaseReported as v2 and every other case event as v1', () => {
    const types = Object.values(CASE_EVENT_SAMPLES).map((event) => caseEventSerializer.serialize(event as CaseEvent).type);
    expect(types.filter((t) => t.endsWith('.v2'))).toEqual(['CaseReported.v2']);
    expect(types.filter((t) => t.endsWith('.v1'))).toHaveLength(Object.keys(CASE_EVENT_TYPES).length - 1);
    expect(new Set(types).size).toBe(types.length);
  });

  it('takes occurredAt from the stored metadata', () => {
    const event = caseEventSerializer.deserialize(recorded('RepairAccepted.v1', { caseId: 'c', signedBy: 's' }, '2026-01-01T00:00:00.000Z'));
    expect(event.occurredAt).toBe('2026-01-01T00:00:00.000Z');
  });

  it('stops loudly on a type it does not know, naming it and where it is stored', () => {
    const unknown = recorded('CaseTeleported.v1', { caseId: 'c' });
    expect(() => caseEventSerializer.deserialize(unknown)).toThrow(UnknownEventTypeError);
    expect(() => caseEventSerializer.deserialize(unknown)).toThrow(/CaseTeleported\.v1.*ServiceCase-case-0001@4.*position 17/);
  });

  it('does not read the previous version of a type as the current one without an upcaster', () => {
    const bare = new CaseEventSerializer(undefined);
    expect(bare.deserialize(recorded('CaseCancelled.v1', { caseId: 'c', reason: 'duplicate', note: null })).type).toBe('CaseCancelled');
    expect(() => new EventSerializer<CaseEvent>(CASE_EVENT_TYPES).deserialize(recorded('CaseReported.v1', {}))).toThrow(
      UnknownEventTypeError,
    );
  });

  it('refuses two events registered under one stored type', () => {
    expect(() => new EventSerializer<CaseEvent>({ ...CASE_EVENT_TYPES, CaseResumed: 'CaseOnHold.v1' })).toThrow(/both registered/);
  });
});
