/** Rewrites bench/results/latest.md from latest.json (after editing the JSON by hand or changing the table). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESULTS_DIR, writeResults, type Results } from '../lib/report.js';

writeResults(JSON.parse(readFileSync(join(RESULTS_DIR, 'latest.json'), 'utf8')) as Results);
