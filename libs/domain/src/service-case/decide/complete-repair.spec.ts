import { given } from '../testing/case-spec.js';
import {
  CHARGES,
  NOW,
  WARRANTY_OUT,
  actors,
  caseOnHold,
  caseReported,
  completeRepair,
  customerContacted,
  repairCompleted,
  story,
} from '../testing/case-fixtures.js';

const outOfWarranty = () => [caseReported({ warranty: WARRANTY_OUT }), customerContacted()];
const chargeable = { coverage: 'chargeable', charges: CHARGES } as const;

describe('completing a repair', () => {
  describe('a case with the technician on site', () => {
    it('records an on-site warranty repair by the assigned technician', () => {
      given(...story.onSite())
        .when(completeRepair({ complexity: 'complex' }), { actor: actors.assignedTechnician })
        .then(repairCompleted({ complexity: 'complex' }, NOW));
    });

    it('refuses a remote repair', () => {
      given(...story.onSite())
        .when(completeRepair({ mode: 'remote' }))
        .thenThrows('REPAIR.MODE_NOT_ALLOWED', { caseStatus: 'on-site', allowedCommands: expect.arrayContaining(['repair']) });
    });

    it('refuses a technician the case is not assigned to', () => {
      given(...story.onSite()).when(completeRepair(), { actor: actors.otherTechnician }).thenThrows('CASE.NOT_ASSIGNED');
    });

    it('refuses the repair while the case is on hold', () => {
      given(...story.onSite(), caseOnHold()).when(completeRepair()).thenThrows('CASE.ILLEGAL_TRANSITION', { onHold: true });
    });
  });

  describe('a contacted case', () => {
    it('records a remote repair without a technician', () => {
      given(...story.contacted())
        .when(completeRepair({ mode: 'remote' }), { actor: actors.supervisor })
        .then(repairCompleted({ mode: 'remote', technicianId: null }, NOW));
    });

    it('refuses an on-site repair', () => {
      given(...story.contacted()).when(completeRepair()).thenThrows('REPAIR.MODE_NOT_ALLOWED', { caseStatus: 'contacted' });
    });
  });

  describe('a dispatched case', () => {
    it('records a remote repair by the dispatched technician', () => {
      given(...story.dispatched())
        .when(completeRepair({ mode: 'remote' }), { actor: actors.assignedTechnician })
        .then(repairCompleted({ mode: 'remote' }, NOW));
    });

    it('refuses an on-site repair before the technician arrives', () => {
      given(...story.dispatched()).when(completeRepair()).thenThrows('REPAIR.MODE_NOT_ALLOWED', { caseStatus: 'dispatched' });
    });
  });

  describe('a case just reported', () => {
    it('refuses a repair', () => {
      given(...story.reported()).when(completeRepair({ mode: 'remote' })).thenThrows('CASE.ILLEGAL_TRANSITION');
    });
  });

  describe('a case already repaired', () => {
    it('refuses a second repair', () => {
      given(...story.repaired()).when(completeRepair()).thenThrows('CASE.ILLEGAL_TRANSITION', { caseStatus: 'repaired' });
    });
  });

  describe('coverage', () => {
    it('refuses a warranty repair when the warranty has run out', () => {
      const error = given(...outOfWarranty()).when(completeRepair({ mode: 'remote' })).thenThrows('REPAIR.NOT_IN_WARRANTY');
      expect(error.kind).toBe('conflict');
    });

    it('refuses charges on a warranty repair', () => {
      given(...story.onSite())
        .when(completeRepair({ charges: CHARGES }))
        .thenThrows('REPAIR.CHARGES_NOT_ALLOWED', { errors: [{ field: 'charges' }] });
    });

    it('refuses an exclusion on a warranty repair', () => {
      given(...story.onSite())
        .when(completeRepair({ exclusion: 'misuse' }))
        .thenThrows('REPAIR.EXCLUSION_NOT_ALLOWED', { errors: [{ field: 'exclusion' }] });
    });

    it('records a chargeable repair with the exclusion that justifies it', () => {
      given(...story.onSite())
        .when(completeRepair({ ...chargeable, exclusion: 'self-disassembly' }))
        .then(repairCompleted({ ...chargeable, exclusion: 'self-disassembly' }, NOW));
    });

    it('refuses a chargeable repair without charges', () => {
      given(...story.onSite())
        .when(completeRepair({ coverage: 'chargeable', exclusion: 'misuse' }))
        .thenThrows('REPAIR.CHARGES_REQUIRED', { errors: [{ field: 'charges' }] });
    });

    it('refuses to charge an in-warranty product without an exclusion reason', () => {
      given(...story.onSite())
        .when(completeRepair(chargeable))
        .thenThrows('REPAIR.EXCLUSION_REQUIRED', { errors: [{ field: 'exclusion' }] });
    });

    it('defaults the exclusion to out-of-warranty when the warranty has run out', () => {
      given(...outOfWarranty())
        .when(completeRepair({ ...chargeable, mode: 'remote' }))
        .then(repairCompleted({ ...chargeable, mode: 'remote', technicianId: null, exclusion: 'out-of-warranty' }, NOW));
    });

    it('keeps a more specific exclusion when the warranty has run out', () => {
      const [event] = given(...outOfWarranty()).when(completeRepair({ ...chargeable, mode: 'remote', exclusion: 'misuse' })).result();
      expect(event).toMatchObject({ data: { exclusion: 'misuse' } });
    });

    it('refuses charges in more than one currency', () => {
      given(...story.onSite())
        .when(completeRepair({ ...chargeable, exclusion: 'misuse', charges: { ...CHARGES, travel: { amount: '3.00', currency: 'USD' } } }))
        .thenThrows('REPAIR.CURRENCY_MISMATCH', { errors: [{ field: 'charges.travel.currency' }] });
    });
  });
});
