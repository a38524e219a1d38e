import { checkpointMigrations } from './runtime/checkpoints.js';
import type { Projection } from './runtime/projection.js';
import type { Migrations } from './store/migrations.js';

/** Every projection casetrail runs (DESIGN §5). Each read model adds its own line. */
export const ALL_PROJECTIONS: readonly Projection[] = [];

export const allReadModelMigrations = (): Migrations =>
  Object.assign({}, checkpointMigrations, ...ALL_PROJECTIONS.map((p) => p.migrations));
