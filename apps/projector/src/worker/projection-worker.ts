/**
 * The projections' thread in the embedded profile (see `WorkerProjectionHost`): its own event-store
 * and read-model connections, the same `ProjectionHost` as the inline mode. better-sqlite3 blocks
 * the thread it runs on, so here the read-model writes use the second core instead of the API's.
 */
import { parentPort } from 'node:worker_threads';
import { systemClock } from '#casetrail/domain';
import { SqliteEventStore } from '#casetrail/event-store';
import { ALL_PROJECTIONS, openReadModelDb, ProjectionHost, type ReadModelDb } from '#casetrail/read-models';
import { startCheckpointWriter, type RunningCheckpointWriter } from '../checkpoints/start-checkpoint-writer.js';
import type { FromWorker, ProjectionWorkerData, ToWorker } from './projection-worker.protocol.js';
import { lowerThisThreadPriority } from './thread-priority.js';

/**
 * How often the statuses are mirrored to the API thread (health, metrics, the lag W5 measures)
 * when they changed: a position moves at most once per paced batch, so this costs little.
 */
const REPORT_EVERY_MS = 5;

const port = parentPort!;
const send = (message: FromWorker): void => port.postMessage(message);

/** What `start` opened; the host sends `start` before anything else. */
let running: Running | undefined;
port.on('message', (message: ToWorker) => {
  if (message.type === 'start') {
    running ??= run(message.data);
    return;
  }
  if (!running) return;
  const { host, db, store, started, report } = running;
  if (message.type === 'waitFor') {
    void host.waitFor(message.position).then(() => {
      report();
      send({ type: 'reached', id: message.id });
    });
    return;
  }
  clearInterval(running.timer);
  void (async () => {
    await host.stop();
    await (await started)?.stop();
    report();
    await db.destroy();
    await store.close();
    send({ type: 'stopped' });
  })();
});

interface Running {
  readonly host: ProjectionHost;
  readonly db: ReadModelDb;
  readonly store: SqliteEventStore;
  /** The checkpoint writer, once the projections have started (a stop may come before). */
  readonly started: Promise<RunningCheckpointWriter | null>;
  readonly report: () => void;
  timer?: NodeJS.Timeout;
}

/**
 * Opens what `start` names and runs the projections. The worker may have been spawned ahead of
 * need (`prewarmProjectionWorker`): until `start` it has only loaded its code.
 */
function run({ eventsFile, dataDir, readModelDb, nice }: ProjectionWorkerData): Running {
  // Below the API's thread: on two cores a command then no longer waits for the CPU behind a batch of
  // read-model writes, and a backlog is caught up as soon as the API's thread leaves a core free
  // (README, Decisions: "The projection worker runs below the API's thread").
  try {
    lowerThisThreadPriority(nice);
  } catch (error) {
    send({ type: 'log', level: 'log', message: `The projection worker runs at the API's priority: ${String(error)}` });
  }

  const store = SqliteEventStore.open(eventsFile, { clock: systemClock });
  const db = openReadModelDb(readModelDb);
  const host = new ProjectionHost(ALL_PROJECTIONS, store, db, {
    error: (message, context) => send({ type: 'log', level: 'error', message, ...(context ? { context } : {}) }),
  });

  let reported = '';
  const report = (): void => {
    const statuses = host.statuses();
    const text = JSON.stringify(statuses);
    if (text === reported) return;
    reported = text;
    send({ type: 'statuses', statuses });
  };

  const self: Running = {
    host,
    db,
    store,
    report,
    started: host.start().then(() => {
      const checkpoints = startCheckpointWriter(store, dataDir, process.env, {
        log: (message) => send({ type: 'log', level: 'log', message }),
        debug: (message) => send({ type: 'log', level: 'debug', message }),
        error: (message) => send({ type: 'log', level: 'error', message }),
      });
      report();
      send({ type: 'started' });
      self.timer = setInterval(report, REPORT_EVERY_MS);
      return checkpoints;
    }),
  };
  return self;
}
