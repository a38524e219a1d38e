import type { CalendarDate, Instant, Money } from '../shared/primitives.js';
import type { PartUsed, SurveyScores } from './events.js';
import type {
  CancelReason,
  Complexity,
  ComplaintCategory,
  ComplaintSeverity,
  ContactChannel,
  Coverage,
  Exclusion,
  FaultCategory,
  HoldReason,
  Priority,
  ProgressKind,
  RegionClass,
  RepairMode,
  ReportChannel,
  SurveyChannel,
} from './vocabulary.js';

/**
 * What a client asks of a case. Optional fields are already defaulted to `null` by the time a
 * command reaches `decide`; `occurredAt` is already defaulted to the server's `now`.
 */
interface Command<T extends string, D> {
  readonly type: T;
  readonly caseId: string;
  readonly occurredAt: Instant;
  readonly data: D;
}

export type ReportCase = Command<
  'ReportCase',
  {
    readonly customer: {
      readonly id: string;
      readonly name: string;
      readonly phone: string;
      readonly address: string;
      readonly region: RegionClass;
    };
    readonly product: {
      readonly model: string;
      readonly serialNumber: string;
      readonly invoiceDate: CalendarDate | null;
      readonly purchaseDate: CalendarDate | null;
      readonly manufactureDate: CalendarDate | null;
    };
    readonly fault: { readonly category: FaultCategory; readonly description: string };
    readonly channel: ReportChannel;
    readonly priority: Priority;
  }
>;
export type ContactCustomer = Command<
  'ContactCustomer',
  { readonly channel: ContactChannel; readonly appointmentAt: Instant | null; readonly note: string | null }
>;
export type DispatchTechnician = Command<
  'DispatchTechnician',
  { readonly technicianId: string; readonly appointmentAt: Instant | null }
>;
export type RecordArrival = Command<'RecordArrival', { readonly complexity: Complexity | null }>;
export type PutOnHold = Command<'PutOnHold', { readonly reason: HoldReason; readonly note: string | null }>;
export type ResumeCase = Command<'ResumeCase', Record<string, never>>;
export type CompleteRepair = Command<
  'CompleteRepair',
  {
    readonly mode: RepairMode;
    readonly diagnosis: string;
    readonly actions: string;
    readonly complexity: Complexity | null;
    readonly parts: readonly PartUsed[];
    readonly coverage: Coverage;
    readonly exclusion: Exclusion | null;
    readonly charges: { readonly parts: Money; readonly labor: Money; readonly travel: Money } | null;
  }
>;
export type AcceptRepair = Command<'AcceptRepair', { readonly signedBy: string }>;
export type RejectRepair = Command<'RejectRepair', { readonly reason: string }>;
export type RecordSurvey = Command<
  'RecordSurvey',
  { readonly scores: SurveyScores; readonly channel: SurveyChannel; readonly comment: string | null }
>;
export type SendProgressUpdate = Command<
  'SendProgressUpdate',
  { readonly kind: ProgressKind; readonly channel: ContactChannel; readonly message: string }
>;
export type IssueLoaner = Command<'IssueLoaner', { readonly loanerSerial: string }>;
export type ReturnLoaner = Command<'ReturnLoaner', Record<string, never>>;
export type CancelCase = Command<'CancelCase', { readonly reason: CancelReason; readonly note: string | null }>;
/** `complaintId` is minted by the application (id generator port) so `decide` stays pure. */
export type FileComplaint = Command<
  'FileComplaint',
  {
    readonly complaintId: string;
    readonly category: ComplaintCategory;
    readonly severity: ComplaintSeverity;
    readonly description: string;
  }
>;
export type AcknowledgeComplaint = Command<'AcknowledgeComplaint', { readonly complaintId: string; readonly department: string }>;
export type ResolveComplaint = Command<'ResolveComplaint', { readonly complaintId: string; readonly resolution: string }>;
export type ReopenComplaint = Command<'ReopenComplaint', { readonly complaintId: string; readonly reason: string }>;

export type CaseCommand =
  | ReportCase
  | ContactCustomer
  | DispatchTechnician
  | RecordArrival
  | PutOnHold
  | ResumeCase
  | CompleteRepair
  | AcceptRepair
  | RejectRepair
  | RecordSurvey
  | SendProgressUpdate
  | IssueLoaner
  | ReturnLoaner
  | CancelCase
  | FileComplaint
  | AcknowledgeComplaint
  | ResolveComplaint
  | ReopenComplaint;

export type CaseCommandType = CaseCommand['type'];

/**
 * The public name of each command, as listed in a 409's `allowedCommands` and matching the
 * last segment of its HTTP route.
 */
export const COMMAND_NAMES = {
  ReportCase: 'report',
  ContactCustomer: 'contact',
  DispatchTechnician: 'dispatch',
  RecordArrival: 'arrive',
  PutOnHold: 'hold',
  ResumeCase: 'resume',
  CompleteRepair: 'repair',
  AcceptRepair: 'accept',
  RejectRepair: 'reject',
  RecordSurvey: 'survey',
  SendProgressUpdate: 'progress-update',
  IssueLoaner: 'issue-loaner',
  ReturnLoaner: 'return-loaner',
  CancelCase: 'cancel',
  FileComplaint: 'file-complaint',
  AcknowledgeComplaint: 'acknowledge-complaint',
  ResolveComplaint: 'resolve-complaint',
  ReopenComplaint: 'reopen-complaint',
} as const satisfies Record<CaseCommandType, string>;

export type CommandName = (typeof COMMAND_NAMES)[CaseCommandType];
