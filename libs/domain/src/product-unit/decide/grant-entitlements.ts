import { localDate } from '../../warranty/calendar-date.js';
import type { GrantEntitlements } from '../unit-commands.js';
import type { ExchangeEntitled, ReplacementEntitled, ReturnEntitled } from '../unit-events.js';
import type { UnitState } from '../unit-state.js';
import type { UnitDecideContext } from './unit-decide-context.js';
import { unitNotRegistered } from './unit-errors.js';

type EntitlementEvent = ReplacementEntitled | ReturnEntitled | ExchangeEntitled;

const EVENT_OF = { replacement: 'ReplacementEntitled', return: 'ReturnEntitled', exchange: 'ExchangeEntitled' } as const;

/**
 * Puts on the unit the entitlements a report made due, as the case decided them at report time
 * (rule, policy version and evidence come from `CaseReported`). One event per (case, entitlement,
 * rule): a repeated delivery decides nothing.
 */
export const grantEntitlements = (command: GrantEntitlements, state: UnitState, context: UnitDecideContext): EntitlementEvent[] => {
  if (state.status !== 'registered') throw unitNotRegistered(command.serialNumber);
  const { caseId, reportEventId, grounds } = command.data;
  const reportedOn = localDate(command.occurredAt, context.warrantyPolicy.timeZone);
  return grounds
    .filter((g) => !state.entitlements.some((e) => e.caseId === caseId && e.kind === g.entitlement && e.rule === g.rule))
    .map(
      (g) =>
        ({
          type: EVENT_OF[g.entitlement],
          occurredAt: command.occurredAt,
          data: {
            serialNumber: command.serialNumber,
            caseId,
            rule: g.rule,
            policyVersion: g.policyVersion,
            reportedOn,
            evidence: [reportEventId, ...g.evidence],
          },
        }) as EntitlementEvent,
    );
};
