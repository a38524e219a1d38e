export * from './satisfaction.tables.js';
export * from './satisfaction.projection.js';
export * from './satisfaction-summary.queries.js';
