export * from './complaints.tables.js';
export * from './complaints.projection.js';
export * from './complaints.queries.js';
export * from './complaints-summary.queries.js';
