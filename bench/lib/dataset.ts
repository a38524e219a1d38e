import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '#casetrail/domain';
import { SqliteEventStore } from '#casetrail/event-store';
import { appendGenerated } from '../generator/append-generated.js';
import { generateCases, type GeneratedCase } from '../generator/case-generator.js';
import { GENERATOR_START, SEED, type SizeProfile } from './sizes.js';
import { log } from './stats.js';

/** A generated store, kept between runs: generating size M takes minutes. */
export interface Dataset {
  readonly dir: string;
  readonly eventsFile: string;
  readonly cases: number;
  readonly events: number;
  /** A case with the most common history length, for the auditor workloads. */
  readonly typicalCaseId: string;
  readonly typicalCaseEvents: number;
  readonly generatedSeconds: number;
}

const IN_FLIGHT = 2_000;

export function datasetDir(size: SizeProfile): string {
  return process.env['CASETRAIL_BENCH_DATA'] ?? join(tmpdir(), `casetrail-bench-data-${size.name}-${SEED}`);
}

/**
 * Opens the data set of this size, generating it first if it is missing (or `fresh`): every
 * case appended as one stream through the real `SqliteEventStore`, many appends in flight so
 * group commit batches them. Events of cases reported over a year.
 */
export async function ensureDataset(size: SizeProfile, fresh: boolean): Promise<Dataset> {
  const dir = datasetDir(size);
  const manifest = join(dir, 'dataset.json');
  if (!fresh && existsSync(manifest)) {
    const dataset = JSON.parse(readFileSync(manifest, 'utf8')) as Dataset;
    if (dataset.cases === size.cases) {
      log(`data set ${size.name}: reusing ${dir} (${dataset.events} events)`);
      return dataset;
    }
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const eventsFile = join(dir, 'events.sqlite');
  const store = SqliteEventStore.open(eventsFile, { clock: systemClock });
  const started = process.hrtime.bigint();
  const lengths = new Map<number, string>();
  const counts = new Map<number, number>();
  let events = 0;
  let inFlight: Promise<void>[] = [];
  try {
    let i = 0;
    for (const generated of generateCases(size.cases, { seed: SEED, start: GENERATOR_START, spanDays: 365 })) {
      note(generated, lengths, counts);
      events += generated.events.length;
      inFlight.push(appendGenerated(store, generated));
      if (inFlight.length >= IN_FLIGHT) {
        await Promise.all(inFlight);
        inFlight = [];
      }
      if (++i % 100_000 === 0) log(`data set ${size.name}: ${i} cases, ${events} events`);
    }
    await Promise.all(inFlight);
  } finally {
    await store.close();
  }
  const typicalCaseEvents = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  const dataset: Dataset = {
    dir,
    eventsFile,
    cases: size.cases,
    events,
    typicalCaseId: lengths.get(typicalCaseEvents)!,
    typicalCaseEvents,
    generatedSeconds: Math.round(Number(process.hrtime.bigint() - started) / 1e9),
  };
  writeFileSync(manifest, JSON.stringify(dataset, null, 2));
  log(`data set ${size.name}: ${events} events in ${dataset.generatedSeconds} s at ${dir}`);
  return dataset;
}

function note(generated: GeneratedCase, firstOfLength: Map<number, string>, counts: Map<number, number>): void {
  const n = generated.events.length;
  counts.set(n, (counts.get(n) ?? 0) + 1);
  if (!firstOfLength.has(n)) firstOfLength.set(n, generated.caseId);
}
