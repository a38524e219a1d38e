import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { computeSlaClocks, foldCase, type CaseEvent, type CaseState } from '#casetrail/domain';
import { caseEventSerializer, type RecordedEvent } from '#casetrail/event-store';
import { loadSlaPolicyRegistry } from '#casetrail/policies';
import * as F from '../../../../domain/src/service-case/testing/case-fixtures.js';
import { personalDataAccess, type PersonalDataAccess } from '../../privacy/personal-data-access.js';
import { replaceStandIns } from '../../privacy/personal-stand-ins.js';
import { seal } from '../../privacy/sealed-envelope.js';
import { showPersonalData, withholdPersonalData, type KeyLookup } from '../../privacy/show-personal-data.js';
import { foldOn, type FoldedCase } from './folded-case.js';

const policies = loadSlaPolicyRegistry();
const key = { customerId: 'C-1', keyId: 'k-1', key: randomBytes(32) };
const START = Date.parse('2026-03-02T01:00:00.000Z');
const HOLDS = ['awaiting-parts', 'awaiting-customer'] as const;
const personal = { name: '司马相如', phone: '+86 186 9753 0246', address: '拉萨市城关区北京中路7号' };

/** As the sealing store writes them: personal fields sealed with the customer's key (or, for old events, in plaintext). */
const report = (at: string, sealed: boolean): CaseEvent => {
  const event = F.caseReported({}, at);
  const value = sealed ? seal(personal, key, { caseId: F.CASE_ID, field: 'customer.personal' }) : personal;
  return { ...event, data: { ...event.data, customer: { ...event.data.customer, id: key.customerId, personal: value } } } as CaseEvent;
};
const accepted = (at: string, name: string): CaseEvent =>
  ({ ...F.repairAccepted({}, at), data: { caseId: F.CASE_ID, signedBy: seal(name, key, { caseId: F.CASE_ID, field: 'signedBy' }) } }) as unknown as CaseEvent;

/** Any event a case may meet after its report, in any order (the fold ignores what its state does not allow). */
const step = fc.oneof(
  ...[
    F.customerContacted,
    F.technicianDispatched,
    F.technicianArrived,
    F.repairCompleted,
    F.repairRejected,
    F.surveyCompleted,
    F.caseCancelled,
    F.progressUpdateSent,
    F.loanerIssued,
    F.complaintFiled,
    F.complaintAcknowledged,
    F.complaintResolved,
    F.complaintReopened,
  ].map((make) => fc.constant((at: string) => make({}, at) as CaseEvent)),
  fc.constantFrom(...HOLDS).map((reason) => (at: string) => F.caseOnHold({ reason }, at) as CaseEvent),
  fc.constantFrom(...HOLDS).map((reason) => (at: string) => F.caseResumed({ reason, heldSince: at }, at) as CaseEvent),
  fc.constantFrom('赵敏', '[redacted]', '[erased]').map((name) => (at: string) => accepted(at, name)),
  // Input shaped like a stand-in (the state keeps a rejection's reason) stays what it is.
  fc.integer({ min: 0, max: 3 }).map((n) => (at: string) => F.repairRejected({ reason: `\u0000guessed:${n}` }, at) as CaseEvent),
);

const history = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(step, fc.integer({ min: 0, max: 2 * 86_400_000 })), { maxLength: 30 }))
  .map(([sealed, steps]) => {
    let at = START;
    const events = [report(new Date(at).toISOString(), sealed)];
    for (const [make, gap] of steps) events.push(make(new Date((at += gap)).toISOString()));
    return events.map((event, revision): RecordedEvent => {
      const { type, data } = caseEventSerializer.serialize(event);
      const metadata = { eventId: `e-${revision}`, commandId: 'c', correlationId: 'c', causationId: null, actor: F.actors.agent, occurredAt: event.occurredAt, recordedAt: event.occurredAt, prevHash: null };
      return { streamId: `ServiceCase-${F.CASE_ID}`, revision, position: revision + 1, type, data: JSON.parse(JSON.stringify(data)), metadata, hash: 'not checked here' };
    });
  });

/** Where a stream is cut into the reads that extend the fold. */
const cuts = fc.array(fc.integer({ min: 1, max: 31 }), { maxLength: 4 });

/** What the case read returned before it kept a fold: the whole stream opened for the reader, refolded, clocks over every event. */
function refolded(recorded: readonly RecordedEvent[], access: PersonalDataAccess, keyOf: KeyLookup, now: number) {
  const events = recorded.map((r) => caseEventSerializer.deserialize(r));
  const shown = events.map((event) => showPersonalData(event, access, keyOf));
  const policy = policies.get('standard-v1');
  const at = new Date(Math.max(now, ...events.map((e) => Date.parse(e.occurredAt)))).toISOString();
  return { withheld: foldCase(events.map(withholdPersonalData)), state: foldCase(shown), slaClocks: computeSlaClocks(shown, at, policy) };
}

function kept(folded: FoldedCase, access: PersonalDataAccess, keyOf: KeyLookup, now: number) {
  const shown = folded.personal.map((slot) => showPersonalData(slot.event, access, keyOf));
  const at = new Date(Math.max(now, folded.latestMs)).toISOString();
  return { withheld: folded.withheld, state: replaceStandIns(folded.state, folded.personal, shown), slaClocks: computeSlaClocks(folded.clockEvents, at, folded.policy!) };
}

function foldInReads(recorded: readonly RecordedEvent[], at: readonly number[]): FoldedCase {
  let folded: FoldedCase | null = null;
  let from = 0;
  for (const to of [...[...at].sort((a, b) => a - b), recorded.length]) {
    if (to <= from || to > recorded.length) continue;
    folded = foldOn(folded, recorded.slice(from, to), policies);
    from = to;
  }
  return folded!;
}

describe('a case folded between reads', () => {
  it('shows every reader what refolding the whole stream for them shows, read in any number of parts', () => {
    fc.assert(
      fc.property(history, cuts, fc.constantFrom('reveal', 'redact') as fc.Arbitrary<PersonalDataAccess>, fc.boolean(), fc.integer({ min: 0, max: 40 * 86_400_000 }), (recorded, at, access, erased, later) => {
        const keyOf: KeyLookup = (customerId, keyId) => (!erased && customerId === key.customerId && keyId === key.keyId ? key : null);
        const now = START + later;
        const folded = foldInReads(recorded, at);
        expect(folded.revision).toBe(recorded.length - 1);
        expect(kept(folded, access, keyOf, now)).toEqual(refolded(recorded, access, keyOf, now));
      }),
      { numRuns: 2_000 },
    );
  });

  it('authorises on the withheld state, as the write path folds it', () => {
    const recorded = fc.sample(history, { numRuns: 1, seed: 7 })[0]!;
    const folded = foldInReads(recorded, []);
    const withheld: CaseState = foldCase(recorded.map((r) => withholdPersonalData(caseEventSerializer.deserialize(r))));
    expect(folded.withheld).toEqual(withheld);
    expect(personalDataAccess(F.actors.otherTechnician, folded.withheld)).toBe('redact');
  });
});
