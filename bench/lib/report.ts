import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Figure } from './stats.js';

export const RESULTS_DIR = fileURLToPath(new URL('../results/', import.meta.url));

export interface Results {
  readonly machine: Record<string, unknown>;
  readonly workloads: Record<string, Record<string, unknown>>;
  readonly ratios: Record<string, number | null>;
  readonly targets: readonly Target[];
}

export interface Target {
  readonly name: string;
  readonly target: string;
  readonly measured: string;
  readonly met: boolean | null;
}

const isFigure = (value: unknown): value is Figure =>
  typeof value === 'object' && value !== null && 'median' in value && 'unit' in value && 'metric' in value;

/** Every figure, nested ones included, as table rows. */
function rows(prefix: string, value: unknown, out: string[]): void {
  if (isFigure(value)) {
    out.push(`| ${prefix} | ${value.metric} | ${value.median} | ${value.min} | ${value.max} | ${value.unit} |`);
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) if (typeof inner === 'object' && inner !== null && !Array.isArray(inner)) rows(`${prefix}.${key}`, inner, out);
  }
}

/**
 * Writes `latest.{json,md}` and, for a run of every workload, `size-<S|M>.{json,md}`, so each
 * size's last complete run stays at hand (an `--only` run does not replace it).
 */
export function writeResults(results: Results, complete = true): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const names = complete ? ['latest', `size-${String(results.machine['size'])}`] : ['latest'];
  for (const name of names) writeFileSync(join(RESULTS_DIR, `${name}.json`), `${JSON.stringify(results, null, 2)}\n`);
  const table: string[] = ['| workload | metric | median | min | max | unit |', '|---|---|---:|---:|---:|---|'];
  for (const [name, workload] of Object.entries(results.workloads)) rows(name, workload, table);
  const machine = Object.entries(results.machine).map(([k, v]) => `${k}: ${String(v)}`).join(' · ');
  const ratios = Object.entries(results.ratios).map(([k, v]) => `| ${k} | ${v ?? 'n/a'} |`);
  const targets = results.targets.map((t) => `| ${t.name} | ${t.target} | ${t.measured} | ${t.met === null ? 'not run' : t.met ? 'met' : '**missed**'} |`);
  const md = [
    `# casetrail benchmark — size ${String(results.machine['size'])}`,
    '',
    machine,
    '',
    table.join('\n'),
    '',
    '| ratio | value |',
    '|---|---:|',
    ...ratios,
    '',
    '| target | wanted | measured (median) | |',
    '|---|---|---|---|',
    ...targets,
    '',
  ].join('\n');
  for (const name of names) writeFileSync(join(RESULTS_DIR, `${name}.md`), md);
}
