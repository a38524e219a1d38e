import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { sql } from '#casetrail/read-models';
import { EVENT_STORE, PROJECTION_HOST, READ_MODEL_DB } from '#casetrail/application';
import type { EventStore } from '#casetrail/event-store';
import type { ReadModelDb, RunningProjections } from '#casetrail/read-models';

/** What readiness means for casetrail: both stores answer, and no projection has stopped on an event. */
@Injectable()
export class CasetrailHealthIndicators {
  constructor(
    private readonly health: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(PROJECTION_HOST) private readonly projections: RunningProjections,
  ) {}

  async eventStore() {
    const check = this.health.check('eventStore');
    try {
      return check.up({ headPosition: await this.store.headPosition() });
    } catch (error) {
      return check.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }

  async readModels() {
    const check = this.health.check('readModels');
    try {
      await sql`select 1`.execute(this.db);
      return check.up();
    } catch (error) {
      return check.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }

  /** A failed projection keeps the service answering (degraded), with the position and error to fix. */
  async projectionsState() {
    const check = this.health.check('projections');
    const head = await this.store.headPosition().catch(() => 0);
    const projections = this.projections.statuses().map((p) => ({ ...p, lag: Math.max(0, head - p.position) }));
    return projections.some((p) => p.state === 'failed') ? check.degraded({ projections }) : check.up({ projections });
  }
}
