import type { Migration } from 'kysely';
import { testReadModelDb, type TestReadModelDb } from '../testing/test-read-model-db.js';
import { writeChangedRows, writeRows } from './write-rows.js';

const table: Migration = {
  up: async (db) => {
    await db.schema
      .createTable('items')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('n', 'integer', (c) => c.notNull())
      .addColumn('note', 'text')
      .execute();
  },
};

describe('writing rows in multi-row statements', () => {
  let rm: TestReadModelDb;
  beforeEach(async () => {
    rm = await testReadModelDb({ 'items/0001': table });
  });
  afterEach(() => rm.dispose());

  const items = async () => (await rm.db.selectFrom('items').selectAll().orderBy('id').execute()).map((r) => ({ ...r, n: Number(r.n) }));
  const id = (i: number) => `i-${String(i).padStart(4, '0')}`;

  it('writes a count that is no multiple of any statement size, every row once', async () => {
    const rows = Array.from({ length: 343 }, (_, i) => ({ id: id(i), n: i, note: null }));
    await writeRows(rm.db, 'items', ['id'], rows);
    expect(await items()).toEqual(rows);
  });

  it('replaces every other column on a key conflict, or keeps the row there with "nothing"', async () => {
    await writeRows(rm.db, 'items', ['id'], [{ id: id(1), n: 1, note: 'first' }, { id: id(2), n: 2, note: 'first' }]);
    await writeRows(rm.db, 'items', ['id'], [{ id: id(1), n: 10, note: null }]);
    await writeRows(rm.db, 'items', ['id'], [{ id: id(2), n: 20, note: 'second' }], 'nothing');
    expect(await items()).toEqual([
      { id: id(1), n: 10, note: null },
      { id: id(2), n: 2, note: 'first' },
    ]);
  });

  it('takes rows whose columns come in another order, or are missing or undefined, as NULL', async () => {
    await writeRows(rm.db, 'items', ['id'], [{ id: id(1), n: 1, note: 'a' }, { note: 'b', n: 2, id: id(2) }, { id: id(3), n: 3 }, { id: id(4), n: 4, note: undefined }]);
    expect(await items()).toEqual([
      { id: id(1), n: 1, note: 'a' },
      { id: id(2), n: 2, note: 'b' },
      { id: id(3), n: 3, note: null },
      { id: id(4), n: 4, note: null },
    ]);
  });

  describe('against the rows stored under their keys', () => {
    // The stored rows given differ from the table on purpose: what is written shows which columns were set.
    beforeEach(() => writeRows(rm.db, 'items', ['id'], [{ id: id(1), n: 1, note: 'in table' }, { id: id(2), n: 2, note: 'in table' }]));

    it('sets only the columns that differ from the stored row, and leaves an unchanged row alone', async () => {
      const stored = new Map([
        [id(1), { id: id(1), n: 1, note: 'as read' }],
        [id(2), { id: id(2), n: 2, note: 'as read' }],
      ]);
      await writeChangedRows(rm.db, 'items', ['id'], [{ id: id(1), n: 10, note: 'as read' }, { id: id(2), n: 2, note: 'as read' }], (row) => stored.get(row.id));
      expect(await items()).toEqual([
        { id: id(1), n: 10, note: 'in table' },
        { id: id(2), n: 2, note: 'in table' },
      ]);
    });

    it('sets a column the new row lacks, or has undefined, to NULL; inserts rows nothing is stored under', async () => {
      const stored = { id: id(1), n: 1, note: 'as read' };
      await writeChangedRows(rm.db, 'items', ['id'], [{ id: id(1), n: 1 }, { id: id(3), n: 3, note: undefined }], (row) => (row.id === id(1) ? stored : undefined));
      await writeChangedRows(rm.db, 'items', ['id'], [{ id: id(2), n: 2, note: undefined }], () => ({ id: id(2), n: 2, note: 'as read' }));
      expect(await items()).toEqual([
        { id: id(1), n: 1, note: null },
        { id: id(2), n: 2, note: null },
        { id: id(3), n: 3, note: null },
      ]);
    });
  });
});
