export * from './audit.tables.js';
export * from './audit.projection.js';
export * from './audit.queries.js';
