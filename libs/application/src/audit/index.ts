export * from './list-audit-events.query.js';
export * from './audit.module.js';
