import type { Instant } from '../shared/primitives.js';
import type { ProductDetails, WarrantyAssessment } from './events.js';
import type { Cancellation, CaseCustomer, CaseHold, Complaint, LoanerOut, Rejection, RepairRecord, SurveyRecord } from './case-records.js';
import type { Complexity, Entitlement, FaultCategory, Priority, ReportChannel } from './vocabulary.js';

export type * from './case-records.js';

/*
 * The state of a service case is also its public view: `GET /v1/cases/{id}` and the history's
 * `state` after each event return it as is. Hence plain JSON only, and every key present in every
 * status (null when it does not apply yet) so clients see one stable shape; the per-status members
 * narrow those keys where the status guarantees a value.
 */

/** What every existing case holds, whatever its status. */
export interface CaseBase {
  readonly caseId: string;
  readonly customer: CaseCustomer;
  readonly product: ProductDetails;
  readonly fault: { readonly category: FaultCategory; readonly description: string };
  readonly channel: ReportChannel;
  readonly priority: Priority;
  /** Assessed once at report time and never recomputed for this case. */
  readonly warranty: WarrantyAssessment;
  readonly entitlements: readonly Entitlement[];
  readonly slaPolicy: string;
  readonly reportedAt: Instant;
  /** Business time of the latest event: a new command may not claim to have happened before it. */
  readonly lastOccurredAt: Instant;
  readonly technicianId: string | null;
  /** The latest visit time agreed with the customer (contact or dispatch). */
  readonly appointmentAt: Instant | null;
  readonly complexity: Complexity | null;
  readonly reworkCount: number;
  readonly hold: CaseHold | null;
  readonly loaner: LoanerOut | null;
  readonly lastRepair: RepairRecord | null;
  /** The latest rejection; kept after the rework dispatch so the reason stays visible. */
  readonly lastRejection: Rejection | null;
  /** Who signed the acceptance. */
  readonly acceptedBy: string | null;
  readonly acceptedAt: Instant | null;
  readonly survey: SurveyRecord | null;
  readonly cancellation: Cancellation | null;
  readonly complaints: readonly Complaint[];
}

/** Not yet accepted, surveyed or cancelled. */
interface UnfinishedCase extends CaseBase {
  readonly acceptedBy: null;
  readonly acceptedAt: null;
  readonly survey: null;
  readonly cancellation: null;
}

export interface NoCase {
  readonly status: 'none';
}
export interface ReportedCase extends UnfinishedCase {
  readonly status: 'reported';
  readonly technicianId: null;
  readonly lastRepair: null;
}
export interface ContactedCase extends UnfinishedCase {
  readonly status: 'contacted';
  readonly technicianId: null;
  readonly lastRepair: null;
}
export interface DispatchedCase extends UnfinishedCase {
  readonly status: 'dispatched';
  readonly technicianId: string;
}
export interface OnSiteCase extends UnfinishedCase {
  readonly status: 'on-site';
  readonly technicianId: string;
}
export interface RepairedCase extends UnfinishedCase {
  readonly status: 'repaired';
  readonly lastRepair: RepairRecord;
  readonly hold: null;
}
/** The customer rejected the repair: awaiting rework. */
export interface RejectedCase extends UnfinishedCase {
  readonly status: 'rejected';
  readonly lastRepair: RepairRecord;
  readonly lastRejection: Rejection;
}
export interface AcceptedCase extends CaseBase {
  readonly status: 'accepted';
  readonly lastRepair: RepairRecord;
  readonly hold: null;
  readonly acceptedBy: string;
  readonly acceptedAt: Instant;
  readonly survey: null;
  readonly cancellation: null;
}
export interface SurveyedCase extends CaseBase {
  readonly status: 'surveyed';
  readonly lastRepair: RepairRecord;
  readonly hold: null;
  readonly acceptedBy: string;
  readonly acceptedAt: Instant;
  readonly survey: SurveyRecord;
  readonly cancellation: null;
}
export interface CancelledCase extends CaseBase {
  readonly status: 'cancelled';
  readonly hold: null;
  readonly acceptedBy: null;
  readonly acceptedAt: null;
  readonly survey: null;
  readonly cancellation: Cancellation;
}

export type ExistingCase =
  | ReportedCase
  | ContactedCase
  | DispatchedCase
  | OnSiteCase
  | RepairedCase
  | RejectedCase
  | AcceptedCase
  | SurveyedCase
  | CancelledCase;

export type CaseState = NoCase | ExistingCase;

/** The statuses in which a case may be put on hold (and so may be on hold). */
export type HoldableCase = ReportedCase | ContactedCase | DispatchedCase | OnSiteCase | RejectedCase;

export const initialCaseState: CaseState = { status: 'none' };
