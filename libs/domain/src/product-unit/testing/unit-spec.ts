import { DomainError } from '../../shared/domain-error.js';
import { decideUnit } from '../decide-unit.js';
import type { UnitDecideContext } from '../decide/unit-decide-context.js';
import { foldUnit } from '../evolve-unit.js';
import type { UnitCommand } from '../unit-commands.js';
import type { UnitEvent } from '../unit-events.js';
import { unitContext } from './unit-fixtures.js';

/** given(...history).when(command).then(...events) / .thenThrows(code), folding the history with the real `evolveUnit`. */
export const given = (...history: UnitEvent[]) => ({
  when: (command: UnitCommand, context: Partial<UnitDecideContext> = {}) => {
    const run = (): UnitEvent[] => decideUnit(command, foldUnit(history), unitContext(context));
    return {
      result: run,
      then: (...expected: UnitEvent[]): void => {
        expect(run()).toEqual(expected);
      },
      thenThrows: (code: string, details?: Record<string, unknown>): DomainError => {
        let caught: unknown;
        try {
          run();
        } catch (error) {
          caught = error;
        }
        expect(caught).toBeInstanceOf(DomainError);
        const error = caught as DomainError;
        expect(error.code).toBe(code);
        if (details) expect(error.details).toMatchObject(details);
        return error;
      },
    };
  },
});
