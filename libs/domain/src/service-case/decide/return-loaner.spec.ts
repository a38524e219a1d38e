import { given } from '../testing/case-spec.js';
import {
  NOW,
  actors,
  at,
  caseCancelled,
  caseOnHold,
  loanerIssued,
  loanerReturned,
  repairAccepted,
  repairCompleted,
  returnLoaner,
  story,
  surveyCompleted,
} from '../testing/case-fixtures.js';

describe('returning a loaner', () => {
  describe('a case with a loaner out', () => {
    it('records the return of that loaner', () => {
      given(...story.onSite(), loanerIssued({ loanerSerial: 'LOAN-4' }))
        .when(returnLoaner(), { actor: actors.assignedTechnician })
        .then(loanerReturned({ loanerSerial: 'LOAN-4' }, NOW));
    });

    it('takes the loaner back while the case is on hold', () => {
      given(...story.onSite(), loanerIssued(), caseOnHold()).when(returnLoaner()).then(loanerReturned({}, NOW));
    });

    it('takes the loaner back after the case was surveyed', () => {
      given(...story.onSite(), loanerIssued(), repairCompleted({}, at(80)), repairAccepted({}, at(85)), surveyCompleted({}, at(88)))
        .when(returnLoaner())
        .then(loanerReturned({}, NOW));
    });

    it('takes the loaner back after the case was cancelled', () => {
      given(...story.onSite(), loanerIssued(), caseCancelled({}, at(80)))
        .when(returnLoaner())
        .then(loanerReturned({}, NOW));
    });

    it('refuses a technician the case is not assigned to', () => {
      given(...story.onSite(), loanerIssued()).when(returnLoaner(), { actor: actors.otherTechnician }).thenThrows('CASE.NOT_ASSIGNED');
    });
  });

  describe('a case without a loaner out', () => {
    it('refuses a return', () => {
      given(...story.onSite()).when(returnLoaner()).thenThrows('CASE.ILLEGAL_TRANSITION', { caseStatus: 'on-site' });
    });

    it('refuses a second return', () => {
      given(...story.onSite(), loanerIssued(), loanerReturned()).when(returnLoaner()).thenThrows('CASE.ILLEGAL_TRANSITION');
    });
  });
});
