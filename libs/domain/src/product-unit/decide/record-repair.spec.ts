import { given } from '../testing/unit-spec.js';
import { on, recordRepair, unitRegistered, unitRepairRecorded, warrantyExtended } from '../testing/unit-fixtures.js';

describe('recording a repair on the product unit', () => {
  describe('a registered unit', () => {
    it('records an in-warranty repair and extends the warranty by 60 days, naming rule, policy and evidence', () => {
      given(unitRegistered()).when(recordRepair('case-1')).then(unitRepairRecorded('case-1'), warrantyExtended('case-1'));
    });

    it('adds 60 more days for the next failure', () => {
      given(unitRegistered(), unitRepairRecorded('case-1'), warrantyExtended('case-1'))
        .when(recordRepair('case-2', { faultCategory: 'software' }))
        .then(
          unitRepairRecorded('case-2', { faultCategory: 'software' }),
          warrantyExtended('case-2', { extensionDays: 120, expiresOn: '2027-05-09' }),
        );
    });

    it('extends for an installation fault repaired under warranty', () => {
      const events = given(unitRegistered()).when(recordRepair('case-1', { faultCategory: 'installation' })).result();
      expect(events.map((e) => e.type)).toEqual(['UnitRepairRecorded', 'WarrantyExtended']);
    });

    it('records a chargeable repair without extending the warranty', () => {
      given(unitRegistered())
        .when(recordRepair('case-1', { coverage: 'chargeable', exclusion: 'misuse' }))
        .then(unitRepairRecorded('case-1', { coverage: 'chargeable', exclusion: 'misuse' }));
    });

    it("does not extend the product's warranty for a consumable replaced under its own warranty", () => {
      given(unitRegistered())
        .when(recordRepair('case-1', { faultCategory: 'consumable' }))
        .then(unitRepairRecorded('case-1', { faultCategory: 'consumable' }));
    });

    it('records a rework of the same case without extending twice for one failure', () => {
      given(unitRegistered(), unitRepairRecorded('case-1'), warrantyExtended('case-1'))
        .when(recordRepair('case-1', { repairEventId: 'case-1-reworked' }, on('2026-02-22')))
        .then(
          unitRepairRecorded(
            'case-1',
            { repairEventId: 'case-1-reworked', repairedOn: '2026-02-22', evidence: ['case-1-reported', 'case-1-reworked'] },
            on('2026-02-22'),
          ),
        );
    });

    it('decides nothing for a repair already recorded (a repeated delivery)', () => {
      given(unitRegistered(), unitRepairRecorded('case-1'), warrantyExtended('case-1')).when(recordRepair('case-1')).then();
    });

    it("takes the days in the service centre's time zone", () => {
      const [event] = given(unitRegistered())
        .when(recordRepair('case-1', { reportedAt: '2026-02-17T16:30:00.000Z' }, '2026-02-19T16:00:00.000Z'))
        .result();
      expect(event).toMatchObject({ data: { reportedOn: '2026-02-18', repairedOn: '2026-02-20' } });
    });
  });

  describe('a unit not registered', () => {
    it('refuses the repair', () => {
      given().when(recordRepair('case-1')).thenThrows('UNIT.NOT_REGISTERED');
    });
  });
});
