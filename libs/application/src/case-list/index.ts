export * from './list-cases.query.js';
export * from './case-list.module.js';
