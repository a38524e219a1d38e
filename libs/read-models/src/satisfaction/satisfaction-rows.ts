import type { CaseReported, RepairCompleted, SurveyCompleted } from '#casetrail/domain';
import { serviceMonthOf, utcInstant } from '../shared/service-month.js';
import type { SatisfactionCaseRow, SatisfactionRepairRow, SatisfactionSurveyRow } from './satisfaction.tables.js';

/** Pure row functions of the satisfaction read model. */

/** "Satisfied" is an overall score of 4 or 5 out of 5 (DESIGN §5). */
export const SATISFIED_FROM = 4;

export const caseRowOf = (event: CaseReported): SatisfactionCaseRow => ({
  case_id: event.data.caseId,
  region: event.data.customer.region,
  product_model: event.data.product.model,
  technician_id: null,
});

/** A remote repair may name no technician; the case then keeps the one dispatched. */
export const afterRepair = (row: SatisfactionCaseRow, event: RepairCompleted): SatisfactionCaseRow => ({
  ...row,
  technician_id: event.data.technicianId ?? row.technician_id,
});

export const repairRecorded = (
  existing: SatisfactionRepairRow | undefined,
  event: RepairCompleted,
  context: SatisfactionCaseRow | undefined,
): SatisfactionRepairRow =>
  existing
    ? { ...existing, technician_id: context?.technician_id ?? existing.technician_id }
    : {
        case_id: event.data.caseId,
        repaired_at: utcInstant(event.occurredAt),
        month: serviceMonthOf(event.occurredAt),
        technician_id: context?.technician_id ?? null,
        region: context?.region ?? null,
        product_model: context?.product_model ?? null,
        surveyed: 0,
      };

export const surveyOf = (event: SurveyCompleted, context: SatisfactionCaseRow | undefined): SatisfactionSurveyRow => {
  const { attitude, quality, responseSpeed, overall } = event.data.scores;
  return {
    case_id: event.data.caseId,
    surveyed_at: utcInstant(event.occurredAt),
    month: serviceMonthOf(event.occurredAt),
    technician_id: context?.technician_id ?? null,
    region: context?.region ?? null,
    product_model: context?.product_model ?? null,
    attitude,
    quality,
    response_speed: responseSpeed,
    overall,
    satisfied: overall >= SATISFIED_FROM ? 1 : 0,
    channel: event.data.channel,
  };
};
