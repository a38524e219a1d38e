import { DomainError } from '../../shared/domain-error.js';
import type { CaseCommand } from '../commands.js';
import { decide } from '../decide.js';
import type { DecideContext } from '../decide/decide-context.js';
import type { CaseEvent } from '../events.js';
import { foldCase } from '../evolve.js';
import { context as defaultContext } from './case-fixtures.js';

/**
 * given(...history).when(command, context?).then(...events) / .thenThrows(code) / .result(): the history is
 * folded with the real `evolve`, so a spec checks decide and evolve together, as the application uses them.
 */
export const given = (...history: CaseEvent[]) => ({
  when: (command: CaseCommand, context: Partial<DecideContext> = {}) => {
    const run = (): CaseEvent[] => decide(command, foldCase(history), defaultContext(context));
    return {
      /** The events decided, for specs that check only part of them. */
      result: run,
      then: (...expected: CaseEvent[]): void => {
        expect(run()).toEqual(expected);
      },
      /** Asserts the refusal's code (and, when given, part of its details); returns the error for more checks. */
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
