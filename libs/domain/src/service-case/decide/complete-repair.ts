import { DomainError } from '../../shared/domain-error.js';
import type { FieldError } from '../../shared/domain-error.js';
import type { ExistingCase } from '../case-state.js';
import type { CompleteRepair } from '../commands.js';
import type { RepairCompleted } from '../events.js';
import type { Money } from '../../shared/primitives.js';
import type { CaseStatus, Exclusion, RepairMode } from '../vocabulary.js';
import { illegalTransition, invalidFields } from './case-errors.js';

/** On-site repairs need the technician there; remote ones (phone guidance) happen before anyone travels. */
const MODE_FROM: Readonly<Record<RepairMode, readonly CaseStatus[]>> = {
  'on-site': ['on-site'],
  remote: ['contacted', 'dispatched'],
};

const assertMode = (command: CompleteRepair, state: ExistingCase): void => {
  const { mode } = command.data;
  if (MODE_FROM[mode].includes(state.status)) return;
  throw illegalTransition(
    state,
    'repair',
    'REPAIR.MODE_NOT_ALLOWED',
    `A ${mode} repair is possible only from ${MODE_FROM[mode].join(' or ')}, not from ${state.status}.`,
  );
};

const assertSingleCurrency = (charges: NonNullable<CompleteRepair['data']['charges']>): void => {
  const currency = charges.parts.currency;
  const mismatched: FieldError[] = (['labor', 'travel'] as const)
    .filter((item) => charges[item].currency !== currency)
    .map((item) => ({ field: `charges.${item}.currency`, message: `must be ${currency}, like charges.parts.currency` }));
  if (mismatched.length > 0) throw invalidFields('REPAIR.CURRENCY_MISMATCH', 'All charges must be in one currency.', mismatched);
};

/**
 * Which exclusion the repair records. A warranty repair has none; a chargeable one must say why the
 * warranty does not cover it, which is self-evident once the warranty has run out.
 */
const coverageExclusion = (command: CompleteRepair, state: ExistingCase): Exclusion | null => {
  const { coverage, charges, exclusion } = command.data;
  const inWarranty = state.warranty.status === 'in';
  if (coverage === 'warranty') {
    if (!inWarranty) {
      throw new DomainError('REPAIR.NOT_IN_WARRANTY', 'conflict', `The warranty expired on ${state.warranty.expiresOn}.`, {
        warranty: state.warranty,
      });
    }
    if (charges !== null) {
      throw invalidFields('REPAIR.CHARGES_NOT_ALLOWED', 'A warranty repair is free of charge.', [
        { field: 'charges', message: 'must be absent for coverage warranty' },
      ]);
    }
    if (exclusion !== null) {
      throw invalidFields('REPAIR.EXCLUSION_NOT_ALLOWED', 'A warranty repair has no exclusion.', [
        { field: 'exclusion', message: 'must be absent for coverage warranty' },
      ]);
    }
    return null;
  }
  if (charges === null) {
    throw invalidFields('REPAIR.CHARGES_REQUIRED', 'A chargeable repair needs its charges.', [
      { field: 'charges', message: 'required for coverage chargeable' },
    ]);
  }
  assertSingleCurrency(charges);
  if (exclusion === 'out-of-warranty' && inWarranty) {
    throw invalidFields('REPAIR.EXCLUSION_CONTRADICTS_WARRANTY', `The warranty runs until ${state.warranty.expiresOn}.`, [
      { field: 'exclusion', message: 'out-of-warranty does not apply while the product is in warranty; name the exclusion that does' },
    ]);
  }
  if (exclusion !== null) return exclusion;
  if (!inWarranty) return 'out-of-warranty';
  throw invalidFields('REPAIR.EXCLUSION_REQUIRED', 'Charging an in-warranty product needs an exclusion reason.', [
    { field: 'exclusion', message: 'required for a chargeable repair while the product is in warranty' },
  ]);
};

const money = ({ amount, currency }: Money): Money => ({ amount, currency });

export const completeRepair = (command: CompleteRepair, state: ExistingCase): [RepairCompleted] => {
  assertMode(command, state);
  const exclusion = coverageExclusion(command, state);
  const { mode, diagnosis, actions, complexity, parts, coverage, charges } = command.data;
  return [
    {
      type: 'RepairCompleted',
      occurredAt: command.occurredAt,
      data: {
        caseId: state.caseId,
        technicianId: state.technicianId,
        mode,
        diagnosis,
        actions,
        complexity,
        parts: parts.map(({ partNumber, quantity }) => ({ partNumber, quantity })),
        coverage,
        exclusion,
        charges: charges && { parts: money(charges.parts), labor: money(charges.labor), travel: money(charges.travel) },
      },
    },
  ];
};
