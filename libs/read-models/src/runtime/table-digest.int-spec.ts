import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { KyselyPlugin, Migration, RootOperationNode } from 'kysely';
import { canonicalJson } from '#casetrail/event-store';
import { testReadModelDb, type TestReadModelDb } from '../testing/test-read-model-db.js';
import type { Projection } from './projection.js';
import { digestProjection } from './table-digest.js';

/** A table keyed on three columns, so pages end inside runs of equal first and second columns. */
const projection: Projection = {
  name: 'pairs',
  tables: [{ name: 'pairs', key: ['grp', 'seq', 'tag'] }],
  migrations: {
    'pairs/0001': {
      up: async (db) => {
        await db.schema
          .createTable('pairs')
          .addColumn('grp', 'text', (c) => c.notNull())
          .addColumn('seq', 'integer', (c) => c.notNull())
          .addColumn('tag', 'text', (c) => c.notNull())
          .addColumn('value', 'text')
          .addPrimaryKeyConstraint('pairs_pk', ['grp', 'seq', 'tag'])
          .execute();
      },
    } satisfies Migration,
  },
  apply: async () => {},
};

const ROWS = [...Array(37).keys()].map((i) => ({ grp: `g${i % 3}`, seq: i % 5, tag: `t${i}`, value: i % 4 === 0 ? null : `v${i}` }));

/** Records every query a digest sends. */
class Recorder implements KyselyPlugin {
  readonly nodes: RootOperationNode[] = [];
  transformQuery({ node }: { node: RootOperationNode }): RootOperationNode {
    this.nodes.push(node);
    return node;
  }
  async transformResult<R>({ result }: { result: R }): Promise<R> {
    return result;
  }
}

describe('the table digest', () => {
  let rm: TestReadModelDb;
  beforeEach(async () => {
    rm = await testReadModelDb(projection.migrations);
    // Inserted out of key order: the digest must order them itself.
    await rm.db.insertInto('pairs').values([...ROWS].reverse()).execute();
  });
  afterEach(() => rm.dispose());

  it('hashes every row once, in key order, whatever the page size', async () => {
    const sorted = [...ROWS].sort((a, b) => (a.grp !== b.grp ? (a.grp < b.grp ? -1 : 1) : a.seq !== b.seq ? a.seq - b.seq : a.tag < b.tag ? -1 : 1));
    const expected = createHash('sha256');
    for (const row of sorted) expected.update(canonicalJson(row) + '\n');
    const sha256 = expected.digest('hex');
    for (const pageSize of [1, 4, 5, 36, 37, 1000]) {
      expect(await digestProjection(rm.db, projection, pageSize)).toEqual([{ table: 'pairs', rows: 37, sha256 }]);
    }
  });

  it('starts each page at the key the last one ended on, never skipping rows with an offset', async () => {
    const recorder = new Recorder();
    await digestProjection(rm.db.withPlugin(recorder), projection, 5);
    const selects = recorder.nodes.filter((node) => node.kind === 'SelectQueryNode');
    // 37 rows in pages of 5: seven full pages and a short one.
    expect(selects).toHaveLength(8);
    expect(selects.every((node) => node.kind === 'SelectQueryNode' && node.offset === undefined)).toBe(true);
    expect(selects.map((node) => node.kind === 'SelectQueryNode' && node.where !== undefined)).toEqual([false, true, true, true, true, true, true, true]);
  });
});
