import type { ComplaintSeverity, Complexity, Priority, RegionClass } from '../../service-case/vocabulary.js';
import type { SlaDuration, SlaUnit } from '../calendar/sla-duration.types.js';
import type { SlaClockDefinition, SlaTargetCondition } from './sla-policy.types.js';

/** What a target can depend on, as known at one moment of a case. */
export interface SlaFacts {
  readonly priority: Priority;
  readonly region: RegionClass;
  readonly complexity: Complexity;
  readonly severity?: ComplaintSeverity;
}

export interface ResolvedTarget extends SlaDuration {
  readonly bestEffort: boolean;
}

const matches = (when: SlaTargetCondition | undefined, facts: SlaFacts): boolean =>
  !when || Object.entries(when).every(([key, value]) => facts[key as keyof SlaFacts] === value);

/** The first target row matching the facts; the parser guarantees a last row without conditions. */
export const selectTarget = (clock: SlaClockDefinition, facts: SlaFacts): ResolvedTarget => {
  const rule = clock.targets.find((row) => matches(row.when, facts)) ?? clock.targets[clock.targets.length - 1];
  if (!rule) throw new Error('an SLA clock needs at least one target row');
  return { value: rule.value, unit: rule.unit ?? clock.unit, bestEffort: rule.bestEffort ?? false };
};

/** Every unit a clock's target may be counted in, so paused time can be kept in each. */
export const unitsOf = (clock: SlaClockDefinition): readonly SlaUnit[] => [
  ...new Set([clock.unit, ...clock.targets.flatMap((row) => (row.unit ? [row.unit] : []))]),
];
