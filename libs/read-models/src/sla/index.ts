export { SLA_CASE_EVENTS_TABLE, SLA_CLOCKS_TABLE, type SlaCaseEventsRow, type SlaClockRow } from './sla.tables.js';
export { createSlaProjection, slaProjection } from './sla.projection.js';
export { listSlaClocks, SLA_CLOCK_CSV_COLUMNS, type SlaClockFilter, type SlaClockItem } from './sla.queries.js';
export { SLA_GROUP_BYS, summarizeSla, type SlaGroupBy, type SlaSummaryGroup, type SlaSummaryRequest } from './sla-summary.queries.js';
