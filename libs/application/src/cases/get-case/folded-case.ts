import { evolve, initialCaseState, movesSlaClocks, type CaseEvent, type CaseState, type SlaPolicy } from '#casetrail/domain';
import { caseEventSerializer, type RecordedEvent } from '#casetrail/event-store';
import type { SlaPolicyRegistry } from '#casetrail/policies';
import { replaceStandIns, standIn, type PersonalSlot } from '../../privacy/personal-stand-ins.js';
import { withholdPersonalData } from '../../privacy/show-personal-data.js';
import { slaPolicyOfCase } from '../../sla/case-sla-policy.js';

/**
 * A case folded for reading, which a read extends with only the events appended since: what
 * `GET /v1/cases/{id}` needs of the whole history, without reading and refolding it each time.
 */
export interface FoldedCase {
  readonly revision: number;
  /** Folded with each personal value as a stand-in (`personal`): shown to a reader by replacing them. */
  readonly state: CaseState;
  /** The state with personal data withheld, on which a read is authorised. */
  readonly withheld: CaseState;
  readonly personal: readonly PersonalSlot[];
  /** The policy the case was reported under; null when there is none (no clocks). */
  readonly policy: SlaPolicy | null;
  /** The events that can move a clock under `policy`: folding the others changes no clock. */
  readonly clockEvents: readonly CaseEvent[];
  /** The latest `occurredAt` of any event, in ms. */
  readonly latestMs: number;
}

/** `folded` (null for none yet) extended with the stream's next events, `recorded`, in revision order. */
export function foldOn(folded: FoldedCase | null, recorded: readonly RecordedEvent[], policies: SlaPolicyRegistry): FoldedCase {
  const events = recorded.map((r) => caseEventSerializer.deserialize(r));
  let state = folded?.state ?? initialCaseState;
  const personal = [...(folded?.personal ?? [])];
  for (const event of events) {
    const { folded: foldable, slot } = standIn(event, personal.length);
    if (slot) personal.push(slot);
    state = evolve(state, foldable);
  }
  const policy = folded ? folded.policy : slaPolicyOfCase(policies, events);
  const moving = policy ? events.filter((event) => movesSlaClocks(policy, event)) : [];
  return {
    revision: recorded.at(-1)?.revision ?? folded?.revision ?? -1,
    state,
    withheld: replaceStandIns(state, personal, personal.map((slot) => withholdPersonalData(slot.event))),
    personal,
    policy,
    clockEvents: [...(folded?.clockEvents ?? []), ...moving],
    latestMs: Math.max(folded?.latestMs ?? -Infinity, ...events.map((event) => Date.parse(event.occurredAt))),
  };
}
