import type { CaseEvent } from '../events.js';
import { given } from '../testing/case-spec.js';
import { NOW, actors, caseOnHold, caseResumed, putOnHold, resumeCase, story } from '../testing/case-fixtures.js';

const open: [string, () => CaseEvent[]][] = [
  ['reported', story.reported],
  ['contacted', story.contacted],
  ['dispatched', story.dispatched],
  ['on-site', story.onSite],
  ['rejected', story.rejected],
];
const notHoldable: [string, () => CaseEvent[]][] = [
  ['repaired', story.repaired],
  ['accepted', story.accepted],
  ['surveyed', story.surveyed],
  ['cancelled', story.cancelled],
];

describe('putting a case on hold', () => {
  describe.each(open)('a %s case', (_status, history) => {
    it('puts it on hold with the reason', () => {
      given(...history())
        .when(putOnHold({ reason: 'customer-unreachable', note: 'no answer' }))
        .then(caseOnHold({ reason: 'customer-unreachable', note: 'no answer' }, NOW));
    });
  });

  describe.each(notHoldable)('a %s case', (status, history) => {
    it('refuses a hold', () => {
      given(...history()).when(putOnHold()).thenThrows('CASE.ILLEGAL_TRANSITION', { caseStatus: status });
    });
  });

  describe('a case already on hold', () => {
    it('refuses a second hold', () => {
      given(...story.dispatched(), caseOnHold()).when(putOnHold()).thenThrows('CASE.ILLEGAL_TRANSITION', { onHold: true });
    });
  });

  describe('a case assigned to another technician', () => {
    it('refuses the hold', () => {
      given(...story.dispatched()).when(putOnHold(), { actor: actors.otherTechnician }).thenThrows('CASE.NOT_ASSIGNED');
    });
  });
});

describe('resuming a case', () => {
  describe('a case on hold', () => {
    it('resumes it, repeating why and since when it was held', () => {
      given(...story.onSite(), caseOnHold())
        .when(resumeCase(), { actor: actors.assignedTechnician })
        .then(caseResumed({ reason: 'awaiting-parts', heldSince: caseOnHold().occurredAt }, NOW));
    });

    it('refuses a technician the case is not assigned to', () => {
      given(...story.onSite(), caseOnHold()).when(resumeCase(), { actor: actors.otherTechnician }).thenThrows('CASE.NOT_ASSIGNED');
    });
  });

  describe('a case not on hold', () => {
    it('refuses a resume', () => {
      given(...story.onSite()).when(resumeCase()).thenThrows('CASE.ILLEGAL_TRANSITION', { onHold: false });
    });

    it('refuses a resume once resumed', () => {
      given(...story.onSite(), caseOnHold(), caseResumed()).when(resumeCase()).thenThrows('CASE.ILLEGAL_TRANSITION');
    });
  });
});
