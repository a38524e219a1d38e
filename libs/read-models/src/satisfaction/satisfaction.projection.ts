import type { Transaction } from 'kysely';
import type { CaseEvent } from '#casetrail/domain';
import type { ProjectedEvent, Projection } from '../runtime/projection.js';
import { selectIn } from '../store/select-in.js';
import { writeRows } from '../store/write-rows.js';
import { afterRepair, caseRowOf, repairRecorded, surveyOf } from './satisfaction-rows.js';
import {
  SATISFACTION_CASES_TABLE,
  SATISFACTION_REPAIRS_TABLE,
  SATISFACTION_SURVEYS_TABLE,
  satisfactionMigrations,
  type SatisfactionCaseRow,
  type SatisfactionRepairRow,
  type SatisfactionSurveyRow,
} from './satisfaction.tables.js';

const HANDLED = ['CaseReported', 'TechnicianDispatched', 'RepairCompleted', 'SurveyCompleted'] as const;
type Handled = Extract<CaseEvent, { type: (typeof HANDLED)[number] }>;
const isHandled = (e: CaseEvent | null): e is Handled => e !== null && (HANDLED as readonly string[]).includes(e.type);

/** A table's rows the batch touches, loaded once and written once each. */
class Rows<R> {
  readonly changed = new Set<string>();
  constructor(private readonly rows: Map<string, R>) {}
  get(caseId: string): R | undefined {
    return this.rows.get(caseId);
  }
  put(caseId: string, row: R): void {
    this.rows.set(caseId, row);
    this.changed.add(caseId);
  }
  changedRows(): R[] {
    return [...this.changed].map((id) => this.rows.get(id)!);
  }
}

async function load<R extends { case_id: string }>(trx: Transaction<any>, table: string, caseIds: readonly string[]): Promise<Rows<R>> {
  const rows = await selectIn<R>(trx, table, 'case_id', caseIds);
  return new Rows(new Map(rows.map((r) => [r.case_id, r])));
}

function fold(event: Handled, cases: Rows<SatisfactionCaseRow>, repairs: Rows<SatisfactionRepairRow>, surveys: Rows<SatisfactionSurveyRow>): void {
  const caseId = event.data.caseId;
  const context = cases.get(caseId);
  switch (event.type) {
    case 'CaseReported':
      return cases.put(caseId, caseRowOf(event));
    case 'TechnicianDispatched':
      if (context) cases.put(caseId, { ...context, technician_id: event.data.technicianId });
      return;
    case 'RepairCompleted': {
      const repaired = context && afterRepair(context, event);
      if (repaired) cases.put(caseId, repaired);
      return repairs.put(caseId, repairRecorded(repairs.get(caseId), event, repaired));
    }
    case 'SurveyCompleted': {
      surveys.put(caseId, surveyOf(event, context));
      const repair = repairs.get(caseId);
      if (repair) repairs.put(caseId, { ...repair, surveyed: 1 });
      return;
    }
    default: {
      const unexpected: never = event;
      return unexpected;
    }
  }
}

/** Survey scores against the satisfaction targets, and repaired cases for the return-visit rate. */
export const satisfactionProjection: Projection = {
  name: 'satisfaction',
  tables: [
    { name: SATISFACTION_CASES_TABLE, key: ['case_id'] },
    { name: SATISFACTION_SURVEYS_TABLE, key: ['case_id'] },
    { name: SATISFACTION_REPAIRS_TABLE, key: ['case_id'] },
  ],
  migrations: satisfactionMigrations,
  async apply(trx: Transaction<any>, events: readonly ProjectedEvent[]): Promise<void> {
    const handled = events.map((e) => e.caseEvent).filter(isHandled);
    if (handled.length === 0) return;
    const caseIds = [...new Set(handled.map((e) => e.data.caseId))];
    const cases = await load<SatisfactionCaseRow>(trx, SATISFACTION_CASES_TABLE, caseIds);
    const repairs = await load<SatisfactionRepairRow>(trx, SATISFACTION_REPAIRS_TABLE, caseIds);
    // A survey row is always written whole, so it needs no loading.
    const surveys = new Rows<SatisfactionSurveyRow>(new Map());
    for (const event of handled) fold(event, cases, repairs, surveys);
    await writeRows(trx, SATISFACTION_CASES_TABLE, ['case_id'], cases.changedRows());
    await writeRows(trx, SATISFACTION_REPAIRS_TABLE, ['case_id'], repairs.changedRows());
    await writeRows(trx, SATISFACTION_SURVEYS_TABLE, ['case_id'], surveys.changedRows());
  },
};
