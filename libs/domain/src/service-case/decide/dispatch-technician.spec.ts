import { given } from '../testing/case-spec.js';
import {
  NOW,
  at,
  caseOnHold,
  dispatchTechnician,
  repairCompleted,
  repairRejected,
  story,
  technicianArrived,
  technicianDispatched,
} from '../testing/case-fixtures.js';

describe('dispatching a technician', () => {
  describe('a contacted case', () => {
    it('dispatches the technician for a first visit', () => {
      given(...story.contacted())
        .when(dispatchTechnician({ technicianId: 'tech-3', appointmentAt: at(2000) }))
        .then(technicianDispatched({ technicianId: 'tech-3', appointmentAt: at(2000), rework: false, reworkCount: 0 }, NOW));
    });
  });

  describe('a case whose repair was rejected', () => {
    it('dispatches for rework and counts it', () => {
      given(...story.rejected())
        .when(dispatchTechnician())
        .then(technicianDispatched({ rework: true, reworkCount: 1 }, NOW));
    });

    it('counts a second rework as the second', () => {
      given(
        ...story.rejected(),
        technicianDispatched({ rework: true, reworkCount: 1 }, at(60)),
        technicianArrived({}, at(70)),
        repairCompleted({}, at(80)),
        repairRejected({}, at(90)),
      )
        .when(dispatchTechnician())
        .then(technicianDispatched({ rework: true, reworkCount: 2 }, NOW));
    });

    it('refuses the rework dispatch while the case is on hold', () => {
      given(...story.rejected(), caseOnHold()).when(dispatchTechnician()).thenThrows('CASE.ILLEGAL_TRANSITION', { onHold: true });
    });
  });

  describe('a case not yet contacted', () => {
    it('refuses a dispatch', () => {
      given(...story.reported()).when(dispatchTechnician()).thenThrows('CASE.ILLEGAL_TRANSITION', { caseStatus: 'reported' });
    });
  });

  describe('a case already dispatched', () => {
    it('refuses a second dispatch', () => {
      given(...story.dispatched()).when(dispatchTechnician()).thenThrows('CASE.ILLEGAL_TRANSITION', { caseStatus: 'dispatched' });
    });
  });

  describe('a contacted case on hold', () => {
    it('refuses a dispatch until resumed', () => {
      given(...story.contacted(), caseOnHold()).when(dispatchTechnician()).thenThrows('CASE.ILLEGAL_TRANSITION');
    });
  });
});
