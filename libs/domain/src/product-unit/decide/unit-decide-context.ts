import type { WarrantyPolicy } from '../../warranty/warranty-policy.js';

/** What the unit's decider needs besides command and state; pure, like the case's. */
export interface UnitDecideContext {
  /** The warranty policy in force when the command is decided; its version is recorded on every grant. */
  readonly warrantyPolicy: WarrantyPolicy;
}
