import type { CaseEvent, SlaPolicy } from '#casetrail/domain';
import type { SlaPolicyRegistry } from '#casetrail/policies';

/** The policy a case was reported under (DESIGN §4: recorded on `CaseReported`, never the current default). */
export function slaPolicyOfCase(registry: SlaPolicyRegistry, events: readonly CaseEvent[]): SlaPolicy | null {
  const report = events[0];
  return report?.type === 'CaseReported' ? registry.get(report.data.slaPolicy) : null;
}
