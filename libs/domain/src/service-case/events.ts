import type { CalendarDate, Instant, Money } from '../shared/primitives.js';
import type {
  CancelReason,
  Complexity,
  ComplaintCategory,
  ComplaintSeverity,
  ContactChannel,
  Coverage,
  Entitlement,
  Exclusion,
  FaultCategory,
  HoldReason,
  Priority,
  ProgressKind,
  RegionClass,
  RepairMode,
  ReportChannel,
  SurveyChannel,
  WarrantyBasis,
} from './vocabulary.js';
import type { EntitlementGround } from '../warranty/warranty-rules.js';

/**
 * The events of a service case stream (`ServiceCase-<caseId>`), newest shapes (DESIGN §2).
 * `type` is the event's name; the serializer stores it with its version (`CaseReported.v2`).
 * `occurredAt` is business time: when it happened in the field. It travels in the stored
 * metadata, but the domain needs it to fold state, so the domain event carries it.
 */
interface Event<T extends string, D> {
  readonly type: T;
  readonly data: D;
  readonly occurredAt: Instant;
}

/** A customer's personal data, kept in one block so it can be encrypted and erased as a whole. */
export interface CustomerPersonalData {
  readonly name: string;
  readonly phone: string;
  readonly address: string;
}

export interface ProductDetails {
  readonly model: string;
  readonly serialNumber: string;
  readonly invoiceDate: CalendarDate | null;
  readonly purchaseDate: CalendarDate | null;
  readonly manufactureDate: CalendarDate | null;
}

/** Warranty as assessed when the case was reported (DESIGN §4): never recomputed for this case. */
export interface WarrantyAssessment {
  readonly status: 'in' | 'out';
  readonly basis: WarrantyBasis;
  /** The date the warranty runs from (invoice, purchase or manufacture date). */
  readonly startsOn: CalendarDate;
  /** Last day covered, extensions included. */
  readonly expiresOn: CalendarDate;
  readonly months: number;
  readonly extensionDays: number;
}

export interface RepairCharges {
  readonly parts: Money;
  readonly labor: Money;
  readonly travel: Money;
}

export interface PartUsed {
  readonly partNumber: string;
  readonly quantity: number;
}

export interface SurveyScores {
  readonly attitude: number;
  readonly quality: number;
  readonly responseSpeed: number;
  readonly overall: number;
}

export type CaseReported = Event<
  'CaseReported',
  {
    readonly caseId: string;
    readonly customer: { readonly id: string; readonly region: RegionClass; readonly personal: CustomerPersonalData };
    readonly product: ProductDetails;
    readonly fault: { readonly category: FaultCategory; readonly description: string };
    readonly channel: ReportChannel;
    readonly priority: Priority;
    readonly warranty: WarrantyAssessment;
    readonly entitlements: readonly Entitlement[];
    /**
     * Why each entitlement is due: rule, warranty policy version and evidence (DESIGN §4). Absent
     * when none is due, and on events recorded before the product-unit aggregate existed.
     */
    readonly entitlementGrounds?: readonly EntitlementGround[];
    /** The SLA policy version in force for this case, forever (DESIGN §4). */
    readonly slaPolicy: string;
  }
>;
export type CustomerContacted = Event<
  'CustomerContacted',
  { readonly caseId: string; readonly channel: ContactChannel; readonly appointmentAt: Instant | null; readonly note: string | null }
>;
export type TechnicianDispatched = Event<
  'TechnicianDispatched',
  {
    readonly caseId: string;
    readonly technicianId: string;
    readonly appointmentAt: Instant | null;
    /** True when this dispatch answers a rejected repair; `reworkCount` is then the new count. */
    readonly rework: boolean;
    readonly reworkCount: number;
  }
>;
export type TechnicianArrived = Event<
  'TechnicianArrived',
  { readonly caseId: string; readonly technicianId: string; readonly complexity: Complexity | null }
>;
export type CaseOnHold = Event<'CaseOnHold', { readonly caseId: string; readonly reason: HoldReason; readonly note: string | null }>;
export type CaseResumed = Event<'CaseResumed', { readonly caseId: string; readonly reason: HoldReason; readonly heldSince: Instant }>;
export type RepairCompleted = Event<
  'RepairCompleted',
  {
    readonly caseId: string;
    readonly technicianId: string | null;
    readonly mode: RepairMode;
    readonly diagnosis: string;
    readonly actions: string;
    readonly complexity: Complexity | null;
    readonly parts: readonly PartUsed[];
    readonly coverage: Coverage;
    readonly exclusion: Exclusion | null;
    readonly charges: RepairCharges | null;
  }
>;
export type RepairAccepted = Event<'RepairAccepted', { readonly caseId: string; readonly signedBy: string }>;
export type RepairRejected = Event<'RepairRejected', { readonly caseId: string; readonly reason: string }>;
export type SurveyCompleted = Event<
  'SurveyCompleted',
  { readonly caseId: string; readonly scores: SurveyScores; readonly channel: SurveyChannel; readonly comment: string | null }
>;
export type ProgressUpdateSent = Event<
  'ProgressUpdateSent',
  { readonly caseId: string; readonly kind: ProgressKind; readonly channel: ContactChannel; readonly message: string }
>;
export type LoanerIssued = Event<'LoanerIssued', { readonly caseId: string; readonly loanerSerial: string }>;
export type LoanerReturned = Event<'LoanerReturned', { readonly caseId: string; readonly loanerSerial: string }>;
export type CaseCancelled = Event<'CaseCancelled', { readonly caseId: string; readonly reason: CancelReason; readonly note: string | null }>;
export type ComplaintFiled = Event<
  'ComplaintFiled',
  {
    readonly caseId: string;
    readonly complaintId: string;
    readonly category: ComplaintCategory;
    readonly severity: ComplaintSeverity;
    readonly description: string;
  }
>;
export type ComplaintAcknowledged = Event<
  'ComplaintAcknowledged',
  { readonly caseId: string; readonly complaintId: string; readonly department: string }
>;
export type ComplaintResolved = Event<
  'ComplaintResolved',
  { readonly caseId: string; readonly complaintId: string; readonly resolution: string }
>;
export type ComplaintReopened = Event<
  'ComplaintReopened',
  { readonly caseId: string; readonly complaintId: string; readonly reason: string }
>;

export type CaseEvent =
  | CaseReported
  | CustomerContacted
  | TechnicianDispatched
  | TechnicianArrived
  | CaseOnHold
  | CaseResumed
  | RepairCompleted
  | RepairAccepted
  | RepairRejected
  | SurveyCompleted
  | ProgressUpdateSent
  | LoanerIssued
  | LoanerReturned
  | CaseCancelled
  | ComplaintFiled
  | ComplaintAcknowledged
  | ComplaintResolved
  | ComplaintReopened;

export type CaseEventType = CaseEvent['type'];

/** The stream a case's events live in; the category before the first dash (DESIGN §2). */
export const caseStreamId = (caseId: string): string => `ServiceCase-${caseId}`;
