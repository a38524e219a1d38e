/** The closed vocabularies of a service case (DESIGN §2, §3, §7). Each is a list for validation and a type. */
const list = <const T extends readonly string[]>(...values: T): T => values;

export const REGION_CLASSES = list('urban', 'suburban', 'remote');
export type RegionClass = (typeof REGION_CLASSES)[number];

export const FAULT_CATEGORIES = list('hardware', 'software', 'installation', 'consumable');
export type FaultCategory = (typeof FAULT_CATEGORIES)[number];

export const REPORT_CHANNELS = list('hotline', 'web', 'email', 'social', 'walk-in');
export type ReportChannel = (typeof REPORT_CHANNELS)[number];

export const PRIORITIES = list('urgent', 'general');
export type Priority = (typeof PRIORITIES)[number];

export const CONTACT_CHANNELS = list('phone', 'sms', 'email');
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const SURVEY_CHANNELS = list('phone', 'sms', 'email', 'visit');
export type SurveyChannel = (typeof SURVEY_CHANNELS)[number];

export const COMPLEXITIES = list('general', 'complex');
export type Complexity = (typeof COMPLEXITIES)[number];

export const HOLD_REASONS = list('awaiting-customer', 'awaiting-parts', 'customer-unreachable');
export type HoldReason = (typeof HOLD_REASONS)[number];

export const REPAIR_MODES = list('on-site', 'remote');
export type RepairMode = (typeof REPAIR_MODES)[number];

export const COVERAGES = list('warranty', 'chargeable');
export type Coverage = (typeof COVERAGES)[number];

export const EXCLUSIONS = list('misuse', 'force-majeure', 'self-disassembly', 'cosmetic-wear', 'consumable', 'out-of-warranty');
export type Exclusion = (typeof EXCLUSIONS)[number];

export const PROGRESS_KINDS = list('progress', 'result');
export type ProgressKind = (typeof PROGRESS_KINDS)[number];

export const CANCEL_REASONS = list('customer-withdrew', 'duplicate', 'not-a-fault', 'other');
export type CancelReason = (typeof CANCEL_REASONS)[number];

export const COMPLAINT_CATEGORIES = list('quality', 'service', 'other');
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

export const COMPLAINT_SEVERITIES = list('minor', 'serious');
export type ComplaintSeverity = (typeof COMPLAINT_SEVERITIES)[number];

export const ENTITLEMENTS = list('replacement', 'return', 'exchange');
export type Entitlement = (typeof ENTITLEMENTS)[number];

export const WARRANTY_BASES = list('invoice', 'purchase', 'manufacture');
export type WarrantyBasis = (typeof WARRANTY_BASES)[number];

/** Case statuses as the API shows them (DESIGN §7). `rejected` means awaiting rework. */
export const CASE_STATUSES = list(
  'reported',
  'contacted',
  'dispatched',
  'on-site',
  'repaired',
  'rejected',
  'accepted',
  'surveyed',
  'cancelled',
);
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const COMPLAINT_STATUSES = list('filed', 'acknowledged', 'resolved');
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
