export * from './list-sla-clocks/list-sla-clocks.query.js';
export * from './get-sla-summary/get-sla-summary.query.js';
export * from './case-sla-policy.js';
export * from './sla-application.module.js';
