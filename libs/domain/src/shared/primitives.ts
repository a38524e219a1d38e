/** An instant as an ISO-8601 string (UTC, e.g. `2026-03-02T08:00:00.000Z`). Event data never holds `Date`. */
export type Instant = string;

/** A calendar date as `YYYY-MM-DD`. */
export type CalendarDate = string;

/** Money as a decimal string amount with an ISO-4217 currency, so no float rounding creeps in. */
export interface Money {
  readonly amount: string;
  readonly currency: string;
}

export type Role = 'agent' | 'dispatcher' | 'technician' | 'supervisor' | 'admin' | 'auditor' | 'analyst';

export const ROLES: readonly Role[] = ['agent', 'dispatcher', 'technician', 'supervisor', 'admin', 'auditor', 'analyst'];

/** Who issued a command; it comes from the bearer token, never from a request body. */
export interface Actor {
  readonly id: string;
  readonly role: Role;
}
