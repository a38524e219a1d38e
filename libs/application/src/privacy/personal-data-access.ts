import type { Actor, CaseState } from '#casetrail/domain';

/**
 * What a reader of a case sees of its customer's personal data: `reveal` opens it, `redact`
 * shows `[redacted]`. Erased data shows `[erased]` to everyone, whatever this says.
 */
export type PersonalDataAccess = 'reveal' | 'redact';

/** The roles whose work needs the customer's name, phone and address (DESIGN §1: not disclosed beyond them). */
const ENTITLED = new Set<Actor['role']>(['agent', 'dispatcher', 'supervisor', 'admin']);

/**
 * Desk staff, dispatchers, supervisors and admins are entitled; a technician only for a case
 * assigned to them (they go to the customer's address). Auditors check who did what and when —
 * not who the customer is — and analysts never see personal data (DESIGN §7).
 */
export function personalDataAccess(actor: Actor, state: CaseState): PersonalDataAccess {
  if (ENTITLED.has(actor.role)) return 'reveal';
  if (actor.role === 'technician' && state.status !== 'none' && state.technicianId === actor.id) return 'reveal';
  return 'redact';
}
