export * from './summarize-satisfaction/summarize-satisfaction.query.js';
export * from './satisfaction-queries.module.js';
