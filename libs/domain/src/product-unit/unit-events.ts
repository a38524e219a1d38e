import type { CalendarDate, Instant } from '../shared/primitives.js';
import type { Coverage, Exclusion, FaultCategory, WarrantyBasis } from '../service-case/vocabulary.js';
import type { WarrantyRule } from '../warranty/warranty-rules.js';

/**
 * The events of a product unit's stream (`ProductUnit-<serial>`, DESIGN §2): its warranty card,
 * its repairs, and what the warranty policy granted because of them. Each extension and
 * entitlement names its rule, the warranty policy version and the evidence event ids.
 */
interface Event<T extends string, D> {
  readonly type: T;
  readonly data: D;
  readonly occurredAt: Instant;
}

/** How the unit became known: its warranty card was registered, or the first case reported for it. */
export type UnitRegistrationSource = 'registration' | 'case-report';

/** The unit's own warranty (the product's, not a consumable's), as registered. */
export interface UnitWarrantyTerms {
  readonly basis: WarrantyBasis;
  readonly startsOn: CalendarDate;
  readonly months: number;
  /** Last covered day before any extension. */
  readonly expiresOn: CalendarDate;
}

/** What registering a unit states about it: the `RegisterUnit` command's data, kept on `UnitRegistered`. */
export interface UnitRegistration {
  readonly model: string;
  readonly invoiceDate: CalendarDate | null;
  readonly purchaseDate: CalendarDate | null;
  readonly manufactureDate: CalendarDate | null;
  /** An id only: the unit stream holds no personal data. */
  readonly customerId: string | null;
  readonly source: UnitRegistrationSource;
  /** The case whose report registered the unit, for source `case-report`. */
  readonly caseId: string | null;
}

export type UnitRegistered = Event<
  'UnitRegistered',
  UnitRegistration & {
    readonly serialNumber: string;
    readonly warranty: UnitWarrantyTerms;
    readonly policyVersion: string;
  }
>;

export type UnitRepairRecorded = Event<
  'UnitRepairRecorded',
  {
    readonly serialNumber: string;
    readonly caseId: string;
    /** The case's `RepairCompleted` event: one record per repair, however often it is delivered. */
    readonly repairEventId: string;
    readonly faultCategory: FaultCategory;
    readonly coverage: Coverage;
    readonly exclusion: Exclusion | null;
    readonly reportedOn: CalendarDate;
    readonly repairedOn: CalendarDate;
    /** The case's `CaseReported` and `RepairCompleted` event ids. */
    readonly evidence: readonly string[];
  }
>;

export type WarrantyExtended = Event<
  'WarrantyExtended',
  {
    readonly serialNumber: string;
    readonly caseId: string;
    readonly rule: 'extension-per-repair';
    readonly policyVersion: string;
    readonly days: number;
    /** All extension days so far, this one included. */
    readonly extensionDays: number;
    /** The new last covered day. */
    readonly expiresOn: CalendarDate;
    readonly evidence: readonly string[];
  }
>;

/** What every entitlement event carries; the event type says which entitlement it is. */
export interface EntitlementData {
  readonly serialNumber: string;
  /** The case whose report made it due. */
  readonly caseId: string;
  readonly rule: WarrantyRule;
  readonly policyVersion: string;
  readonly reportedOn: CalendarDate;
  /** The report's `CaseReported` event id first, then the earlier repairs' event ids the rule counted. */
  readonly evidence: readonly string[];
}

export type ReplacementEntitled = Event<'ReplacementEntitled', EntitlementData>;
export type ReturnEntitled = Event<'ReturnEntitled', EntitlementData>;
export type ExchangeEntitled = Event<'ExchangeEntitled', EntitlementData>;

export type UnitEvent = UnitRegistered | UnitRepairRecorded | WarrantyExtended | ReplacementEntitled | ReturnEntitled | ExchangeEntitled;

export type UnitEventType = UnitEvent['type'];

/** The unit's stream; the category before the first dash, as for cases (DESIGN §2). */
export const unitStreamId = (serialNumber: string): string => `ProductUnit-${serialNumber}`;
