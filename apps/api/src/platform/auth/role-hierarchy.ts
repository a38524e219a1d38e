import type { Role } from '#casetrail/domain';

/** Roles whose routes a supervisor may also use (DESIGN §7). */
const SUPERVISOR_COVERS: ReadonlySet<Role> = new Set<Role>(['supervisor', 'agent', 'dispatcher', 'technician']);

/**
 * Whether `role` may use a route open to `allowed`: admin may use every route (auditor and
 * analyst routes included), a supervisor every agent, dispatcher and technician route.
 * An empty `allowed` list means any authenticated role.
 */
export function roleSatisfies(role: Role, allowed: readonly Role[]): boolean {
  if (allowed.length === 0 || role === 'admin' || allowed.includes(role)) return true;
  return role === 'supervisor' && allowed.some((r) => SUPERVISOR_COVERS.has(r));
}
