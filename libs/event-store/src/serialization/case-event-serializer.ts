import type { CaseEvent } from '#casetrail/domain';
import { EventSerializer, type StoredTypes } from './event-serializer.js';
import { CASE_REPORTED_V1, upcastCaseReportedV1 } from './legacy/case-reported.v1.js';
import { UpcasterRegistry } from './upcaster-registry.js';

/**
 * The stored type of each case event's newest shape. The mapped type makes a new event in
 * `CaseEvent` a compile error here until it is given its type string.
 */
export const CASE_EVENT_TYPES: StoredTypes<CaseEvent> = {
  CaseReported: 'CaseReported.v2',
  CustomerContacted: 'CustomerContacted.v1',
  TechnicianDispatched: 'TechnicianDispatched.v1',
  TechnicianArrived: 'TechnicianArrived.v1',
  CaseOnHold: 'CaseOnHold.v1',
  CaseResumed: 'CaseResumed.v1',
  RepairCompleted: 'RepairCompleted.v1',
  RepairAccepted: 'RepairAccepted.v1',
  RepairRejected: 'RepairRejected.v1',
  SurveyCompleted: 'SurveyCompleted.v1',
  ProgressUpdateSent: 'ProgressUpdateSent.v1',
  LoanerIssued: 'LoanerIssued.v1',
  LoanerReturned: 'LoanerReturned.v1',
  CaseCancelled: 'CaseCancelled.v1',
  ComplaintFiled: 'ComplaintFiled.v1',
  ComplaintAcknowledged: 'ComplaintAcknowledged.v1',
  ComplaintResolved: 'ComplaintResolved.v1',
  ComplaintReopened: 'ComplaintReopened.v1',
};

export function caseEventUpcasters(): UpcasterRegistry {
  return new UpcasterRegistry().register(CASE_REPORTED_V1, CASE_EVENT_TYPES.CaseReported, upcastCaseReportedV1);
}

export class CaseEventSerializer extends EventSerializer<CaseEvent> {
  constructor(upcasters: UpcasterRegistry = caseEventUpcasters()) {
    super(CASE_EVENT_TYPES, upcasters);
  }
}

/** Stateless, so one instance serves the whole process. */
export const caseEventSerializer = new CaseEventSerializer();
