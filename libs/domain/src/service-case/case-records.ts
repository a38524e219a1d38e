import type { Instant } from '../shared/primitives.js';
import type { CustomerPersonalData, PartUsed, RepairCharges, SurveyScores } from './events.js';
import type {
  CancelReason,
  CaseStatus,
  ComplaintCategory,
  ComplaintSeverity,
  Coverage,
  Exclusion,
  HoldReason,
  RegionClass,
  RepairMode,
  SurveyChannel,
} from './vocabulary.js';

/** The records a case's state is made of (see case-state.ts); plain JSON, like the state itself. */

export interface CaseCustomer {
  readonly id: string;
  readonly region: RegionClass;
  readonly personal: CustomerPersonalData;
}

/** An overlay on an open case: the case keeps its status but lifecycle commands wait for `resume`. */
export interface CaseHold {
  readonly reason: HoldReason;
  readonly note: string | null;
  readonly since: Instant;
}

export interface LoanerOut {
  readonly serial: string;
  readonly issuedAt: Instant;
}

export interface RepairRecord {
  /** Null for a remote repair done before any technician was dispatched. */
  readonly technicianId: string | null;
  readonly mode: RepairMode;
  readonly diagnosis: string;
  readonly actions: string;
  readonly parts: readonly PartUsed[];
  readonly coverage: Coverage;
  readonly exclusion: Exclusion | null;
  readonly charges: RepairCharges | null;
  readonly completedAt: Instant;
}

export interface Rejection {
  readonly reason: string;
  readonly rejectedAt: Instant;
}

export interface SurveyRecord {
  readonly scores: SurveyScores;
  readonly channel: SurveyChannel;
  readonly comment: string | null;
  readonly surveyedAt: Instant;
}

export interface Cancellation {
  readonly reason: CancelReason;
  readonly note: string | null;
  readonly cancelledAt: Instant;
  /** The status the case was in when it was cancelled. */
  readonly previousStatus: CaseStatus;
}

interface ComplaintBase {
  readonly complaintId: string;
  readonly category: ComplaintCategory;
  readonly severity: ComplaintSeverity;
  readonly description: string;
  readonly filedAt: Instant;
  readonly reopenCount: number;
}
export interface FiledComplaint extends ComplaintBase {
  readonly status: 'filed';
  readonly department: null;
  readonly acknowledgedAt: null;
  readonly resolvedAt: null;
  readonly resolution: null;
}
/** Acknowledged, or reopened after a resolution the customer did not accept (then `resolution` is cleared). */
export interface AcknowledgedComplaint extends ComplaintBase {
  readonly status: 'acknowledged';
  readonly department: string;
  readonly acknowledgedAt: Instant;
  readonly resolvedAt: null;
  readonly resolution: null;
}
export interface ResolvedComplaint extends ComplaintBase {
  readonly status: 'resolved';
  readonly department: string;
  readonly acknowledgedAt: Instant;
  readonly resolvedAt: Instant;
  readonly resolution: string;
}
export type Complaint = FiledComplaint | AcknowledgedComplaint | ResolvedComplaint;
