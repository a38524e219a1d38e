/** The versioned policy files shipped in `policies/` and their loader: read by the application and the projections alike. */
export * from './sla/sla-policy.loader.js';
