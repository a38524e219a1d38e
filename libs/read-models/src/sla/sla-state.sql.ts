import type { RawBuilder } from 'kysely';
import { sql } from '../store/kysely-runtime.js';
import type { SlaClockState } from '#casetrail/domain';

/**
 * A clock's state at `now` (ISO-8601 UTC text), in SQL so filters and grouping run in the database,
 * the same on SQLite and PostgreSQL (instants are text that sorts chronologically). Only running
 * clocks change with time alone: past `due_at` they are `overdue` (strictly after, as the engine
 * says: a clock stopped exactly at due is met), from `at_risk_at` on they are `at-risk`. A paused
 * clock's due moves with its pause, so `paused` never turns overdue by the passing of time.
 */
export const stateAt = (now: string): RawBuilder<SlaClockState> =>
  sql<SlaClockState>`CASE WHEN state IN ('running', 'at-risk') AND due_at < ${now} THEN 'overdue' WHEN state = 'running' AND at_risk_at <= ${now} THEN 'at-risk' ELSE state END`;

/** Stored states a clock can have for each state at query time: lets the `state` index narrow the scan first. */
export const STORED_STATES_FOR: Readonly<Record<SlaClockState, readonly SlaClockState[]>> = {
  running: ['running'],
  'at-risk': ['running', 'at-risk'],
  overdue: ['running', 'at-risk', 'overdue'],
  paused: ['paused'],
  met: ['met'],
  breached: ['breached'],
  cancelled: ['cancelled'],
  'not-applicable': ['not-applicable'],
};
