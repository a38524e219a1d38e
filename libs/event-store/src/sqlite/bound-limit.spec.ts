import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, sourceFiles } from '../../../../test/support/source-files.js';

/**
 * A bare bound `LIMIT ?` re-prepares its statement at every run on SQLite 3.53 (see BOUND_LIMIT):
 * the event store's SQL writes `LIMIT ? + 0`, Kysely queries `.limit(runTimeLimit(n))`.
 */
describe('bound limits', () => {
  const offenders = (test: (line: string) => boolean): string[] => {
    const found: string[] = [];
    for (const folder of ['apps', 'libs']) {
      for (const file of sourceFiles(join(ROOT, folder))) {
        if (file.endsWith('spec.ts')) continue; // tests may run any SQL
        readFileSync(file, 'utf8')
          .split('\n')
          .forEach((line, i) => test(line) && !line.trimStart().startsWith('*') && found.push(`${relative(ROOT, file)}:${i + 1}`));
      }
    }
    return found;
  };

  it('are never a bare `LIMIT ?` in SQL text, nor a bare `limit ${…}` in a Kysely sql template', () => {
    expect(offenders((line) => /\blimit\s+\?(?!\?)(?!\s*\+\s*0)/i.test(line) || /\blimit\s+\$\{[^}]*\}(?!\s*\+\s*0)/i.test(line))).toEqual([]);
  });

  it('are given to Kysely through runTimeLimit', () => {
    expect(offenders((line) => /\.limit\((?!runTimeLimit\()/.test(line))).toEqual([]);
  });
});
