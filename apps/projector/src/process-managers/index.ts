export * from './warranty-process-manager.js';
export * from './process-manager-db.js';
