export * from './warranty-process-manager.js';
