export * from './product-units.tables.js';
export * from './product-units.projection.js';
export * from './product-units.queries.js';
