import type { CalendarDate } from '../shared/primitives.js';
import type { Entitlement, Exclusion } from '../service-case/vocabulary.js';
import type { UnitProductDates } from '../warranty/warranty-policy.js';
import type { UnitRepairFact, WarrantyRule } from '../warranty/warranty-rules.js';
import type { UnitRegistrationSource, UnitWarrantyTerms } from './unit-events.js';

export interface UnitRepair extends UnitRepairFact {
  readonly repairEventId: string;
  readonly exclusion: Exclusion | null;
}

export interface UnitEntitlement {
  readonly kind: Entitlement;
  readonly caseId: string;
  readonly rule: WarrantyRule;
  readonly policyVersion: string;
  readonly reportedOn: CalendarDate;
  readonly evidence: readonly string[];
}

/** The unit's warranty now: `expiresOn` here includes the extensions. */
export interface UnitWarranty extends UnitWarrantyTerms {
  readonly extensionDays: number;
  /** The cases whose repair has extended the warranty: one extension per failure, reworks included. */
  readonly extendedFor: readonly string[];
}

export interface UnregisteredUnit {
  readonly status: 'unregistered';
}

export interface RegisteredUnit {
  readonly status: 'registered';
  readonly serialNumber: string;
  readonly model: string;
  readonly dates: UnitProductDates;
  readonly customerId: string | null;
  readonly source: UnitRegistrationSource;
  readonly warranty: UnitWarranty;
  /** Oldest first. */
  readonly repairs: readonly UnitRepair[];
  readonly entitlements: readonly UnitEntitlement[];
}

export type UnitState = UnregisteredUnit | RegisteredUnit;

export const initialUnitState: UnitState = { status: 'unregistered' };
