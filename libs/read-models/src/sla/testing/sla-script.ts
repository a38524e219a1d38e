import type { CaseEvent } from '#casetrail/domain';
import { caseEvents } from '../../case-summary/testing/case-event.builders.js';
import type { ScriptedWorld } from '../../case-summary/testing/scripted-store.fixture.js';

/** A local time in Asia/Shanghai (`2026-03-02T09:00`) as an ISO instant. */
export const cst = (local: string): string => new Date(`${local}:00+08:00`).toISOString();

/**
 * Six cases reported on Monday 2 March 2026 (a working week with no holiday), one SLA situation each:
 * `urban-ok` contacted in 3 h; `urgent-late` urgent, contacted after 3 h; `held` on hold awaiting the
 * customer for 24 h; `remote` repaired by phone; `cancelled`; `complained` with a complaint
 * acknowledged in an hour and not yet resolved.
 */
export function slaScript(): Array<[string, CaseEvent]> {
  const ok = caseEvents('urban-ok');
  const late = caseEvents('urgent-late');
  const held = caseEvents('held');
  const remote = caseEvents('remote');
  const cancelled = caseEvents('cancelled');
  const complained = caseEvents('complained');
  return [
    ['urban-ok', ok.reported(cst('2026-03-02T09:00'), { model: 'KFR-35GW' })],
    ['urgent-late', late.reported(cst('2026-03-02T10:00'), { priority: 'urgent', region: 'suburban', model: 'XQG-80' })],
    ['held', held.reported(cst('2026-03-02T09:00'), { model: 'BCD-470' })],
    ['remote', remote.reported(cst('2026-03-02T09:00'), { region: 'remote' })],
    ['cancelled', cancelled.reported(cst('2026-03-02T09:00'))],
    ['complained', complained.reported(cst('2026-03-02T09:00'))],
    ['complained', complained.contacted(cst('2026-03-02T09:30'))],
    ['held', held.contacted(cst('2026-03-02T10:00'))],
    ['remote', remote.contacted(cst('2026-03-02T10:00'))],
    ['cancelled', cancelled.cancelled(cst('2026-03-02T10:00'))],
    ['complained', complained.complaintFiled(cst('2026-03-02T10:00'), 'cmp-1')],
    ['held', held.dispatched(cst('2026-03-02T11:00'), 'tech-2')],
    ['remote', remote.repaired(cst('2026-03-02T11:00'), { mode: 'remote', technicianId: null })],
    ['complained', complained.complaintAcknowledged(cst('2026-03-02T11:00'), 'cmp-1')],
    ['urban-ok', ok.contacted(cst('2026-03-02T12:00'))],
    ['held', held.onHold(cst('2026-03-02T12:00'), 'awaiting-customer')],
    ['urgent-late', late.contacted(cst('2026-03-02T13:00'))],
    ['held', held.resumed(cst('2026-03-03T12:00'), 'awaiting-customer', cst('2026-03-02T12:00'))],
  ];
}

export async function recordSlaScript(world: ScriptedWorld): Promise<Map<string, CaseEvent[]>> {
  const byCase = new Map<string, CaseEvent[]>();
  for (const [caseId, event] of slaScript()) {
    await world.append(caseId, event);
    byCase.set(caseId, [...(byCase.get(caseId) ?? []), event]);
  }
  return byCase;
}
