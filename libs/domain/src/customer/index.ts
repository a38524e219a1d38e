export * from './customer-events.js';
export * from './customer-state.js';
export * from './decide-customer.js';
