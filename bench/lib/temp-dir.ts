import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder under the OS temp dir (same disk as the data sets), removed by `remove`. */
export function tempDir(prefix: string): { dir: string; file: (name: string) => string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), `casetrail-bench-${prefix}-`));
  return { dir, file: (name) => join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
