import { given } from '../testing/case-spec.js';
import { NOW, actors, caseOnHold, issueLoaner, loanerIssued, loanerReturned, story } from '../testing/case-fixtures.js';

describe('issuing a loaner', () => {
  describe('a case with the technician on site', () => {
    it('issues the loaner to the customer', () => {
      given(...story.onSite())
        .when(issueLoaner({ loanerSerial: 'LOAN-9' }), { actor: actors.assignedTechnician })
        .then(loanerIssued({ loanerSerial: 'LOAN-9' }, NOW));
    });

    it('issues a loaner while the case waits for parts', () => {
      given(...story.onSite(), caseOnHold()).when(issueLoaner()).then(loanerIssued({}, NOW));
    });

    it('issues another loaner once the first came back', () => {
      given(...story.onSite(), loanerIssued(), loanerReturned()).when(issueLoaner()).then(loanerIssued({}, NOW));
    });

    it('refuses a second loaner while one is out', () => {
      given(...story.onSite(), loanerIssued())
        .when(issueLoaner())
        .thenThrows('CASE.ILLEGAL_TRANSITION', { allowedCommands: expect.arrayContaining(['return-loaner']) });
    });

    it('refuses a technician the case is not assigned to', () => {
      given(...story.onSite()).when(issueLoaner(), { actor: actors.otherTechnician }).thenThrows('CASE.NOT_ASSIGNED');
    });
  });

  describe('a case whose repair was rejected', () => {
    it('issues a loaner while awaiting rework', () => {
      given(...story.rejected()).when(issueLoaner()).then(loanerIssued({}, NOW));
    });
  });

  describe.each([
    ['contacted', story.contacted],
    ['dispatched', story.dispatched],
    ['repaired', story.repaired],
    ['accepted', story.accepted],
    ['cancelled', story.cancelled],
  ])('a %s case', (status, history) => {
    it('refuses a loaner', () => {
      given(...history()).when(issueLoaner()).thenThrows('CASE.ILLEGAL_TRANSITION', { caseStatus: status });
    });
  });
});
