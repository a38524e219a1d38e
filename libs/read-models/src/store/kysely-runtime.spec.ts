import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, sourceFiles } from '../../../../test/support/source-files.js';

describe("kysely's values", () => {
  it('are imported through kysely-runtime.ts only, so the ESM build is never loaded beside the CommonJS one', () => {
    const offenders: string[] = [];
    for (const folder of ['apps', 'libs', 'bench', 'test', 'scripts']) {
      for (const file of sourceFiles(join(ROOT, folder))) {
        if (file.endsWith('kysely-runtime.ts')) continue;
        const imports = readFileSync(file, 'utf8').matchAll(/import\s+(type\s+)?(\{[^}]*\}|\*\s+as\s+\w+|\w+)\s+from\s+'kysely'/g);
        for (const [statement, typeOnly, names] of imports) {
          const values = names!.startsWith('{') ? names!.slice(1, -1).split(',').filter((n) => n.trim() && !n.trim().startsWith('type ')) : [names];
          if (!typeOnly && values.length > 0) offenders.push(`${relative(ROOT, file)}: ${statement}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
