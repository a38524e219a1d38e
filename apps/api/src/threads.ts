import type { ProjectionMode } from '../../projector/src/projector.module.js';
import type { EventWriter } from './infrastructure/infrastructure.module.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Which threads the embedded profile uses: the built server (`main.ts`) asks for a projection worker and two query threads; in-process apps for none. */
export interface ThreadDefaults {
  readonly projections: ProjectionMode;
  readonly eventWriter: EventWriter;
  /** Threads for the read API's queries on the SQLite read models; 0 runs them on the API's thread. */
  readonly queryThreads: number;
  /** Nice levels the projection worker's thread runs below the API's (Linux; 0 keeps it level). */
  readonly projectionNice: number;
}

export const IN_PROCESS: ThreadDefaults = { projections: 'inline', eventWriter: 'inline', queryThreads: 0, projectionNice: 0 };

/** Most query threads `CASETRAIL_QUERY_THREADS` may ask for: each holds a connection and a V8 heap. */
const MAX_QUERY_THREADS = 8;
/** Linux's nice values run from 0 (the default) to 19 (the lowest priority). */
const MAX_NICE = 19;

/** The environment's choice among `choices`, else `fallback`; anything else stops the start-up. */
function envChoice<T extends string>(env: Env, name: string, choices: readonly T[], fallback: T): T {
  const asked = env[name]?.trim();
  if (!asked) return fallback;
  if (!choices.includes(asked as T)) throw new Error(`${name} must be ${choices.join(', ')}, not "${asked}"`);
  return asked as T;
}

/** The environment's whole number from 0 to `max`, else `fallback`; anything else stops the start-up. */
function envCount(env: Env, name: string, max: number, fallback: number): number {
  const asked = env[name]?.trim();
  if (!asked) return fallback;
  if (!/^\d+$/.test(asked) || Number(asked) > max) throw new Error(`${name} must be a whole number from 0 to ${max}, not "${asked}"`);
  return Number(asked);
}

/**
 * `CASETRAIL_PROJECTIONS`, `CASETRAIL_EVENT_WRITER`, `CASETRAIL_QUERY_THREADS` and `CASETRAIL_PROJECTION_NICE`, else the
 * defaults. The projection and writer threads need the SQLite event store: without it their
 * defaults fall back to `inline`.
 */
export function threadsOf(eventsFile: string | null, defaults: ThreadDefaults, env: Env): ThreadDefaults {
  const sqlite = eventsFile !== null;
  return {
    projections: envChoice(env, 'CASETRAIL_PROJECTIONS', ['inline', 'worker', 'off'], sqlite ? defaults.projections : 'inline'),
    eventWriter: envChoice(env, 'CASETRAIL_EVENT_WRITER', ['inline', 'thread'], sqlite ? defaults.eventWriter : 'inline'),
    queryThreads: envCount(env, 'CASETRAIL_QUERY_THREADS', MAX_QUERY_THREADS, defaults.queryThreads),
    projectionNice: envCount(env, 'CASETRAIL_PROJECTION_NICE', MAX_NICE, defaults.projectionNice),
  };
}

