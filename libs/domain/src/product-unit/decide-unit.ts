import { grantEntitlements } from './decide/grant-entitlements.js';
import { recordRepair } from './decide/record-repair.js';
import { registerUnit } from './decide/register-unit.js';
import type { UnitDecideContext } from './decide/unit-decide-context.js';
import type { UnitCommand } from './unit-commands.js';
import type { UnitEvent } from './unit-events.js';
import type { UnitState } from './unit-state.js';

export type { UnitDecideContext } from './decide/unit-decide-context.js';

/** What a command makes happen to a product unit: the events to append (maybe none), or a `DomainError`. Pure. */
export const decideUnit = (command: UnitCommand, state: UnitState, context: UnitDecideContext): UnitEvent[] => {
  switch (command.type) {
    case 'RegisterUnit':
      return registerUnit(command, state, context);
    case 'RecordRepair':
      return recordRepair(command, state, context);
    case 'GrantEntitlements':
      return grantEntitlements(command, state, context);
    default: {
      const unexpected: never = command;
      throw new Error(`unknown product-unit command ${(unexpected as { type: string }).type}`);
    }
  }
};
