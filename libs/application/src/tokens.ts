/** Injection tokens for the ports the application depends on; adapters are bound in the apps. */
export const EVENT_STORE = Symbol('EventStore');
export const CLOCK = Symbol('Clock');
export const ID_GENERATOR = Symbol('IdGenerator');
export const UNIT_FACTS = Symbol('UnitFactsLookup');
export const CASE_POLICIES = Symbol('CasePolicies');
