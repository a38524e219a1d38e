export * from './case-summary.tables.js';
export * from './case-summary.evolve.js';
export * from './case-summary.projection.js';
export * from './case-summary.queries.js';
