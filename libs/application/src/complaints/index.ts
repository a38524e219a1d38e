export * from './list-complaints/list-complaints.query.js';
export * from './summarize-complaints/summarize-complaints.query.js';
export * from './complaint-queries.module.js';
