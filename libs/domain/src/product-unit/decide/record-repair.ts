import { localDate } from '../../warranty/calendar-date.js';
import { warrantyExpiry } from '../../warranty/assess-warranty.js';
import { extendsWarranty } from '../../warranty/warranty-rules.js';
import type { RecordRepair } from '../unit-commands.js';
import type { UnitRepairRecorded, WarrantyExtended } from '../unit-events.js';
import type { RegisteredUnit, UnitState } from '../unit-state.js';
import type { UnitDecideContext } from './unit-decide-context.js';
import { unitNotRegistered } from './unit-errors.js';

/**
 * Records a case's repair on the unit, once per `RepairCompleted` (a repeated delivery decides
 * nothing), and extends the warranty by `extensionDaysPerRepair` for the first warranty repair of a
 * failure (`003_…` 篇一 item 7). A rework of the same case is recorded but extends nothing more.
 */
export const recordRepair = (command: RecordRepair, state: UnitState, context: UnitDecideContext): (UnitRepairRecorded | WarrantyExtended)[] => {
  if (state.status !== 'registered') throw unitNotRegistered(command.serialNumber);
  const { caseId, reportEventId, repairEventId, faultCategory, coverage, exclusion, reportedAt } = command.data;
  if (state.repairs.some((r) => r.repairEventId === repairEventId)) return [];
  const policy = context.warrantyPolicy;
  const evidence = [reportEventId, repairEventId];
  const recorded: UnitRepairRecorded = {
    type: 'UnitRepairRecorded',
    occurredAt: command.occurredAt,
    data: {
      serialNumber: command.serialNumber,
      caseId,
      repairEventId,
      faultCategory,
      coverage,
      exclusion,
      reportedOn: localDate(reportedAt, policy.timeZone),
      repairedOn: localDate(command.occurredAt, policy.timeZone),
      evidence,
    },
  };
  if (!extendsWarranty(faultCategory, coverage) || state.warranty.extendedFor.includes(caseId)) return [recorded];
  return [recorded, extension(command, state, context, evidence)];
};

const extension = (command: RecordRepair, unit: RegisteredUnit, { warrantyPolicy: policy }: UnitDecideContext, evidence: string[]): WarrantyExtended => {
  const days = policy.extensionDaysPerRepair;
  const extensionDays = unit.warranty.extensionDays + days;
  return {
    type: 'WarrantyExtended',
    occurredAt: command.occurredAt,
    data: {
      serialNumber: command.serialNumber,
      caseId: command.data.caseId,
      rule: 'extension-per-repair',
      policyVersion: policy.version,
      days,
      extensionDays,
      expiresOn: warrantyExpiry(unit.warranty.startsOn, unit.warranty.months, extensionDays),
      evidence,
    },
  };
};
