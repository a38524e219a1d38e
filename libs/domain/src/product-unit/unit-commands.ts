import type { Instant } from '../shared/primitives.js';
import type { Coverage, Exclusion, FaultCategory } from '../service-case/vocabulary.js';
import type { EntitlementGround } from '../warranty/warranty-rules.js';
import type { UnitRegistration } from './unit-events.js';

interface Command<T extends string, D> {
  readonly type: T;
  readonly serialNumber: string;
  /** Business time: the registration, or the case event that caused the command. */
  readonly occurredAt: Instant;
  readonly data: D;
}

export type RegisterUnit = Command<'RegisterUnit', UnitRegistration>;

/** A case's repair, sent by the warranty process manager for each `RepairCompleted`. */
export type RecordRepair = Command<
  'RecordRepair',
  {
    readonly caseId: string;
    readonly reportEventId: string;
    readonly repairEventId: string;
    readonly faultCategory: FaultCategory;
    readonly coverage: Coverage;
    readonly exclusion: Exclusion | null;
    readonly reportedAt: Instant;
  }
>;

/** The entitlements a case's report made due (`CaseReported.entitlementGrounds`), put on the unit. */
export type GrantEntitlements = Command<
  'GrantEntitlements',
  {
    readonly caseId: string;
    readonly reportEventId: string;
    readonly grounds: readonly EntitlementGround[];
  }
>;

export type UnitCommand = RegisterUnit | RecordRepair | GrantEntitlements;
