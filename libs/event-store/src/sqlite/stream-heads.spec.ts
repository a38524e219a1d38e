import { StreamHeads, type StreamHead } from './stream-heads.js';

/** A file of stream heads, counting its reads. */
function fileOf(entries: Record<string, StreamHead> = {}) {
  const reads: string[] = [];
  return { reads, read: (streamId: string) => (reads.push(streamId), entries[streamId] ?? null) };
}

const head = (revision: number): StreamHead => ({ revision, hash: `h${revision}` });

/** Heads over `file` after one committed transaction that wrote stream `a` at revision 0, position 1. */
function afterOneCommit(file = fileOf()) {
  const heads = new StreamHeads(file.read);
  heads.begin(0);
  heads.wrote('a', head(0), 1);
  heads.committed();
  return { file, heads };
}

describe('StreamHeads', () => {
  it('reads a head it was not told of from the file, and remembers what a committed transaction wrote', () => {
    const file = fileOf({ a: head(3) });
    const heads = new StreamHeads(file.read);
    heads.begin(10);
    expect(heads.get('a')).toEqual(head(3));
    heads.wrote('a', head(4), 11);
    expect(heads.get('a')).toEqual(head(4));
    heads.committed();
    heads.begin(11);
    expect(heads.get('a')).toEqual(head(4));
    expect(file.reads).toEqual(['a']);
  });

  it('drops what it remembers when the file has moved since its last commit (another connection appended)', () => {
    const { heads } = afterOneCommit(fileOf({ a: head(7) }));
    heads.begin(2);
    expect(heads.get('a')).toEqual(head(7));
  });

  it('keeps what a transaction wrote out of later ones unless it committed', () => {
    const file = fileOf();
    const heads = new StreamHeads(file.read);
    heads.begin(0);
    heads.wrote('a', head(0), 1);
    heads.forget();
    heads.begin(0);
    expect(heads.get('a')).toBeNull();
    heads.wrote('b', head(0), 1);
    heads.begin(0); // rolled back without a word: the next transaction starts from the committed state
    expect(heads.get('b')).toBeNull();
    expect(file.reads).toEqual(['a', 'b']);
  });

  it('forgets everything on forget(), even with the head where its last commit left it', () => {
    const { heads } = afterOneCommit();
    heads.forget();
    heads.begin(1);
    expect(heads.get('a')).toBeNull();
  });

  it('keeps up to its capacity, the earliest remembered dropped first', () => {
    const file = fileOf();
    const heads = new StreamHeads(file.read, 2);
    heads.begin(0);
    heads.wrote('a', head(0), 1);
    heads.wrote('b', head(0), 2);
    heads.committed();
    heads.begin(2);
    heads.wrote('b', head(1), 3);
    heads.wrote('c', head(0), 4);
    heads.committed();
    heads.begin(4);
    expect([heads.get('b'), heads.get('c'), heads.get('a')]).toEqual([head(1), head(0), null]);
    expect(file.reads).toEqual(['a']);
  });

  it("undoes an uncommitted transaction's writes to streams it already remembered", () => {
    const { file, heads } = afterOneCommit();
    heads.begin(1);
    heads.wrote('a', head(1), 2);
    heads.wrote('a', head(2), 3);
    expect(heads.get('a')).toEqual(head(2));
    heads.begin(1); // the transaction rolled back: the file's head is still 1
    expect(heads.get('a')).toEqual(head(0));
    expect(file.reads).toEqual([]);
  });
});
