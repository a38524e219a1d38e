import { EsdbDouble, type AppendMode } from '../esdb-double/esdb-double.js';

/** Where the EventStoreDB suite runs: the live server named by the environment, or the double in each append mode. */
export interface EsdbTarget {
  readonly label: string;
  start(): Promise<{ connectionString: string; double: EsdbDouble | null; stop(): Promise<void> }>;
}

const live = process.env['EVENTSTORE_CONNECTION_STRING'];

/** The connection string without credentials, fit to print. */
const redacted = (connectionString: string): string => connectionString.replace(/\/\/[^@/]*@/, '//***@');

const onDouble = (appendMode: AppendMode): EsdbTarget => ({
  label: `wire-level test double (${appendMode})`,
  start: async () => {
    const double = await EsdbDouble.start({ appendMode });
    return { connectionString: double.connectionString, double, stop: () => double.stop() };
  },
});

export const esdbTargets: readonly EsdbTarget[] = live
  ? [{ label: `live server at ${redacted(live)}`, start: async () => ({ connectionString: live, double: null, stop: async () => {} }) }]
  : [onDouble('batch append'), onDouble('classic append')];

/** A clock that moves one second per reading, so each append gets a distinct `recordedAt`. */
export function steppingClock(start = Date.parse('2026-03-02T08:00:00.000Z')): { now(): number } {
  let now = start;
  return { now: () => (now += 1000) };
}
