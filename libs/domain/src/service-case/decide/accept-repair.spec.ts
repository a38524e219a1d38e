import { given } from '../testing/case-spec.js';
import { NOW, acceptRepair, actors, repairAccepted, story } from '../testing/case-fixtures.js';

describe('accepting a repair', () => {
  describe('a case already repaired', () => {
    it('records the customer’s signed acceptance', () => {
      given(...story.repaired())
        .when(acceptRepair({ signedBy: 'Han Meimei' }), { actor: actors.assignedTechnician })
        .then(repairAccepted({ signedBy: 'Han Meimei' }, NOW));
    });

    it('refuses a technician the case is not assigned to', () => {
      given(...story.repaired()).when(acceptRepair(), { actor: actors.otherTechnician }).thenThrows('CASE.NOT_ASSIGNED');
    });
  });

  describe('a case still being repaired', () => {
    it('refuses an acceptance', () => {
      given(...story.onSite()).when(acceptRepair()).thenThrows('CASE.ILLEGAL_TRANSITION', { caseStatus: 'on-site' });
    });
  });

  describe('a case already accepted', () => {
    it('refuses a second acceptance', () => {
      given(...story.accepted()).when(acceptRepair()).thenThrows('CASE.ILLEGAL_TRANSITION', { caseStatus: 'accepted' });
    });
  });

  describe('a case whose repair was rejected', () => {
    it('refuses an acceptance before the rework', () => {
      given(...story.rejected()).when(acceptRepair()).thenThrows('CASE.ILLEGAL_TRANSITION', { caseStatus: 'rejected' });
    });
  });
});
