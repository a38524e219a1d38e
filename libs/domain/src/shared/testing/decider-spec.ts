import { DomainError } from '../domain-error.js';

/**
 * The given/when/then helper for any decider: given(...history).when(command, context?).then(...events),
 * .thenThrows(code, details?) or .result(). The history is folded with the real `evolve`, so a spec
 * checks decide and evolve together, as the application uses them.
 */
export function deciderSpec<Command, Event, State, Context>(
  decide: (command: Command, state: State, context: Context) => Event[],
  fold: (events: readonly Event[]) => State,
  contextFor: (overrides: Partial<Context>) => Context,
) {
  return (...history: Event[]) => ({
    when: (command: Command, context: Partial<Context> = {}) => {
      const run = (): Event[] => decide(command, fold(history), contextFor(context));
      return {
        /** The events decided, for specs that check only part of them. */
        result: run,
        then: (...expected: Event[]): void => {
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
}
