import { given } from '../testing/case-spec.js';
import { NOW, actors, rejectRepair, repairRejected, story } from '../testing/case-fixtures.js';

describe('rejecting a repair', () => {
  describe('a case already repaired', () => {
    it('records the rejection and its reason', () => {
      given(...story.repaired())
        .when(rejectRepair({ reason: 'noisy' }), { actor: actors.assignedTechnician })
        .then(repairRejected({ reason: 'noisy' }, NOW));
    });

    it('refuses a technician the case is not assigned to', () => {
      given(...story.repaired()).when(rejectRepair(), { actor: actors.otherTechnician }).thenThrows('CASE.NOT_ASSIGNED');
    });
  });

  describe('a case still being repaired', () => {
    it('refuses a rejection', () => {
      given(...story.onSite()).when(rejectRepair()).thenThrows('CASE.ILLEGAL_TRANSITION', { caseStatus: 'on-site' });
    });
  });

  describe('a case already accepted', () => {
    it('refuses a late rejection', () => {
      given(...story.accepted()).when(rejectRepair()).thenThrows('CASE.ILLEGAL_TRANSITION', { caseStatus: 'accepted' });
    });
  });

  describe('a case whose repair was already rejected', () => {
    it('refuses a second rejection', () => {
      given(...story.rejected()).when(rejectRepair()).thenThrows('CASE.ILLEGAL_TRANSITION', { caseStatus: 'rejected' });
    });
  });
});
