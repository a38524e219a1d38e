/**
 * The one import of `@eventstore/db-client` in casetrail. The package is CommonJS, so it is
 * loaded as a default import and destructured, which works the same under Node's ESM loader and
 * under Jest. A move to its renamed successor (`@kurrent/kurrentdb-client`) changes this file
 * and the error names in `esdb-errors.ts`.
 */
import esdb from '@eventstore/db-client';

export const { EventStoreDBClient, jsonEvent, streamNameFilter, convertToCommandError, NO_STREAM, START, END, FORWARDS, BACKWARDS } = esdb;
export type {
  AllStreamResolvedEvent,
  AppendExpectedRevision,
  EventStoreDBClient as EsdbClient,
  Position as EsdbPosition,
  ResolvedEvent,
} from '@eventstore/db-client';
