/** Injection tokens for the ports the application depends on; adapters are bound in the apps. */
export const EVENT_STORE = Symbol('EventStore');
export const CLOCK = Symbol('Clock');
export const ID_GENERATOR = Symbol('IdGenerator');
export const UNIT_FACTS = Symbol('UnitFactsLookup');
export const CASE_POLICIES = Symbol('CasePolicies');
export const READ_MODEL_DB = Symbol('ReadModelDb');
/** The read API's queries: the read-model database, on query threads of their own on SQLite. */
export const READ_MODEL_QUERY_DB = Symbol('ReadModelQueryDb');
export const PROJECTION_HOST = Symbol('ProjectionHost');
export const SLA_POLICIES = Symbol('SlaPolicyRegistry');
export const CUSTOMER_KEY_STORE = Symbol('CustomerKeyStore');
