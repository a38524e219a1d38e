import { given } from '../service-case/testing/case-spec.js';
import { CHARGES, completeRepair, story } from '../service-case/testing/case-fixtures.js';

describe('the repair command enforces the warranty assessed at report', () => {
  const chargeable = { coverage: 'chargeable', charges: CHARGES } as const;

  it('refuses "out-of-warranty" as the exclusion while the product is in warranty', () => {
    given(...story.onSite())
      .when(completeRepair({ ...chargeable, exclusion: 'out-of-warranty' }))
      .thenThrows('REPAIR.EXCLUSION_CONTRADICTS_WARRANTY', { errors: [{ field: 'exclusion' }] });
  });

  it('accepts a consumable exclusion on an in-warranty product', () => {
    const [event] = given(...story.onSite()).when(completeRepair({ ...chargeable, exclusion: 'consumable' })).result();
    expect(event).toMatchObject({ type: 'RepairCompleted', data: { coverage: 'chargeable', exclusion: 'consumable' } });
  });
});
