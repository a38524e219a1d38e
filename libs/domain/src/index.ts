export * from './shared/primitives.js';
export * from './shared/domain-error.js';
export * from './shared/ports.js';
export * from './service-case/vocabulary.js';
export * from './service-case/events.js';
export * from './service-case/commands.js';
