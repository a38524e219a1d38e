export * from './load-unit.js';
export * from './unit-event-envelope.js';
export * from './event-store-unit-facts.js';
export * from './register-unit/register-unit.command.js';
export * from './get-product-unit/get-product-unit.query.js';
export * from './warranty-process/warranty-process.js';
export * from './product-units.module.js';
