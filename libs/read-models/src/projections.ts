import { checkpointMigrations } from './runtime/checkpoints.js';
import { leaseMigrations } from './runtime/projection-lease.js';
import type { Projection } from './runtime/projection.js';
import type { Migrations } from './store/migrations.js';
import { caseSummaryProjection } from './case-summary/case-summary.projection.js';
import { auditProjection } from './audit/audit.projection.js';
import { complaintsProjection } from './complaints/complaints.projection.js';
import { satisfactionProjection } from './satisfaction/satisfaction.projection.js';
import { slaProjection } from './sla/sla.projection.js';
import { productUnitsProjection } from './product-units/product-units.projection.js';

/** Every projection casetrail runs (DESIGN §5). Each read model adds its own line. */
export const ALL_PROJECTIONS: readonly Projection[] = [
  caseSummaryProjection,
  auditProjection,
  complaintsProjection,
  satisfactionProjection,
  slaProjection,
  productUnitsProjection,
];

export const allReadModelMigrations = (): Migrations =>
  Object.assign({}, checkpointMigrations, leaseMigrations, ...ALL_PROJECTIONS.map((p) => p.migrations));

/** The product-units read model's queries and rows (kept with its registry line; libs/read-models/src/index.ts is not the warranty slice's to edit). */
export * from './product-units/index.js';
