export * from './unit-events.js';
export * from './unit-commands.js';
export * from './unit-state.js';
export * from './evolve-unit.js';
export * from './decide-unit.js';
export * from './unit-facts.js';
export * from './decide/unit-errors.js';
