import { given } from '../testing/case-spec.js';
import { NOW, TECHNICIAN, actors, caseOnHold, recordArrival, story, technicianArrived } from '../testing/case-fixtures.js';

describe('recording the technician’s arrival', () => {
  describe('a dispatched case', () => {
    it('records the arrival of the assigned technician with the complexity found', () => {
      given(...story.dispatched())
        .when(recordArrival({ complexity: 'complex' }), { actor: actors.assignedTechnician })
        .then(technicianArrived({ technicianId: TECHNICIAN, complexity: 'complex' }, NOW));
    });

    it('records the dispatched technician when a supervisor records the arrival', () => {
      given(...story.dispatched())
        .when(recordArrival(), { actor: actors.supervisor })
        .then(technicianArrived({ technicianId: TECHNICIAN, complexity: null }, NOW));
    });

    it('refuses a technician the case is not assigned to', () => {
      const error = given(...story.dispatched())
        .when(recordArrival(), { actor: actors.otherTechnician })
        .thenThrows('CASE.NOT_ASSIGNED');
      expect(error.kind).toBe('forbidden');
    });

    it('refuses an arrival while the case is on hold', () => {
      given(...story.dispatched(), caseOnHold()).when(recordArrival()).thenThrows('CASE.ILLEGAL_TRANSITION', { onHold: true });
    });
  });

  describe('a case not yet dispatched', () => {
    it('refuses an arrival', () => {
      given(...story.contacted()).when(recordArrival()).thenThrows('CASE.ILLEGAL_TRANSITION', { caseStatus: 'contacted' });
    });
  });

  describe('a case with the technician already on site', () => {
    it('refuses a second arrival', () => {
      given(...story.onSite()).when(recordArrival()).thenThrows('CASE.ILLEGAL_TRANSITION', { caseStatus: 'on-site' });
    });
  });
});
