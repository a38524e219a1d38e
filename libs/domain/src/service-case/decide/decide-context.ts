import type { Actor, Instant } from '../../shared/primitives.js';
import type { UnitWarrantyFacts, WarrantyPolicy } from '../../warranty/warranty-policy.js';

/** What `decide` needs besides the command and the state; the application looks it up, so decide stays pure. */
export interface DecideContext {
  /** The server's clock when the command arrived. */
  readonly now: Instant;
  /** Who issues the command (from the bearer token). */
  readonly actor: Actor;
  readonly warrantyPolicy: WarrantyPolicy;
  /** The product unit's warranty history; null until the product-unit aggregate exists. */
  readonly unit: UnitWarrantyFacts | null;
  /** The SLA policy version a new case is reported under. */
  readonly slaPolicy: string;
}
