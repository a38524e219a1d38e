import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, PROJECTION_HOST } from '#casetrail/application';
import type { EventStore } from '#casetrail/event-store';
import type { RunningProjections } from '#casetrail/read-models';
import { Counter, Gauge, Histogram, MetricsRegistry } from './metrics.registry.js';

/** casetrail's series: commands by outcome and latency, HTTP requests, projection positions and lag. */
@Injectable()
export class CasetrailMetrics {
  readonly registry = new MetricsRegistry();
  readonly commands = this.registry.register(new Counter('casetrail_commands_total', 'Case commands handled, by command and outcome (ok or error code)'));
  readonly commandSeconds = this.registry.register(new Histogram('casetrail_command_duration_seconds', 'Time to decide and durably append a case command'));
  readonly httpRequests = this.registry.register(new Counter('casetrail_http_requests_total', 'HTTP requests by method, route and status'));
  readonly httpSeconds = this.registry.register(new Histogram('casetrail_http_request_duration_seconds', 'HTTP request latency by method and route'));

  constructor(@Inject(EVENT_STORE) store: EventStore, @Inject(PROJECTION_HOST) projections: RunningProjections) {
    this.registry.register(new Gauge('casetrail_event_store_head_position', 'Global position of the newest stored event', async () => [{ labels: {}, value: await store.headPosition() }]));
    this.registry.register(new Gauge('casetrail_projection_position', 'Last position each projection has handled', () => projections.statuses().map((s) => ({ labels: { projection: s.name }, value: s.position }))));
    this.registry.register(
      new Gauge('casetrail_projection_lag_events', 'Events stored but not yet handled, per projection', async () => {
        const head = await store.headPosition();
        return projections.statuses().map((s) => ({ labels: { projection: s.name }, value: Math.max(0, head - s.position) }));
      }),
    );
    this.registry.register(
      new Gauge('casetrail_projection_up', '1 while a projection runs here, 0 on standby, failed or stopped', () =>
        projections.statuses().map((s) => ({ labels: { projection: s.name, state: s.state }, value: s.state === 'running' ? 1 : 0 })),
      ),
    );
  }

  /** Times a command and counts its outcome by the error's stable code. */
  async timeCommand<T>(command: string, work: () => Promise<T>): Promise<T> {
    const started = process.hrtime.bigint();
    try {
      const result = await work();
      this.commands.inc({ command, outcome: 'ok' });
      return result;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      this.commands.inc({ command, outcome: typeof code === 'string' ? code : 'error' });
      throw error;
    } finally {
      this.commandSeconds.observe({ command }, Number(process.hrtime.bigint() - started) / 1e9);
    }
  }
}
