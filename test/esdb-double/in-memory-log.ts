/**
 * TEST DOUBLE — never shipped. The storage behind the wire-level EventStoreDB double: one global
 * log in memory with EventStoreDB's semantics for expected revisions and event-id idempotence.
 *
 * Positions imitate EventStoreDB's byte offsets into its transaction log: they grow by the size
 * of each record rather than by one, and commit equals prepare for every event (gRPC appends are
 * self-committed implicit transactions), so the adapter cannot get away with assuming 1, 2, 3….
 */
export interface StoredRecord {
  readonly streamId: string;
  readonly revision: number;
  /** Commit position = prepare position. */
  readonly position: bigint;
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
  /** .NET ticks (100 ns since 0001-01-01), as the server stamps `created`. */
  readonly created: bigint;
}

export type ProposedRecord = Pick<StoredRecord, 'id' | 'type' | 'contentType' | 'data' | 'customMetadata'>;

export type ExpectedState = { readonly revision: number } | 'no-stream' | 'any' | 'stream-exists';

export type AppendOutcome =
  | { readonly ok: true; readonly revision: number; readonly position: bigint }
  | { readonly ok: false; readonly currentRevision: number };

const RECORD_OVERHEAD = 88n;
const TICKS_AT_UNIX_EPOCH = 621_355_968_000_000_000n;

export class InMemoryLog {
  private readonly records: StoredRecord[] = [];
  private readonly streams = new Map<string, StoredRecord[]>();
  private readonly listeners = new Set<(record: StoredRecord) => void>();
  /** The first records of a real log are epoch and system records, so no event sits at 0. */
  private nextPosition = 256n;

  append(streamId: string, expected: ExpectedState, proposed: readonly ProposedRecord[]): AppendOutcome {
    const stream = this.streams.get(streamId) ?? [];
    const current = stream.length - 1;
    const expectedRevision = typeof expected === 'object' ? expected.revision : expected === 'no-stream' ? -1 : null;
    if (expected === 'stream-exists' && current < 0) return { ok: false, currentRevision: current };
    if (expectedRevision !== null && expectedRevision !== current) {
      // EventStoreDB answers an append behind the head as a success, writing nothing, when the
      // events right after the expected revision carry exactly these ids; otherwise it conflicts.
      const retried = expectedRevision < current ? this.idempotentRetry(stream, expectedRevision, proposed) : null;
      return retried ?? { ok: false, currentRevision: current };
    }
    const now = BigInt(Date.now()) * 10_000n + TICKS_AT_UNIX_EPOCH;
    const written = proposed.map((event, i): StoredRecord => {
      const position = this.nextPosition;
      this.nextPosition += RECORD_OVERHEAD + BigInt(event.data.length + event.customMetadata.length + streamId.length);
      return { ...event, streamId, revision: current + 1 + i, position, created: now };
    });
    this.streams.set(streamId, [...stream, ...written]);
    this.records.push(...written);
    for (const record of written) for (const listener of [...this.listeners]) listener(record);
    const last = written[written.length - 1];
    return last ? { ok: true, revision: last.revision, position: last.position } : { ok: true, revision: current, position: -1n };
  }

  /** `undefined` when the stream does not exist. */
  stream(streamId: string): readonly StoredRecord[] | undefined {
    return this.streams.get(streamId);
  }

  all(): readonly StoredRecord[] {
    return this.records;
  }

  /** Calls `listener` for every record appended from now on; returns the function that stops it. */
  listen(listener: (record: StoredRecord) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private idempotentRetry(stream: readonly StoredRecord[], expected: number, proposed: readonly ProposedRecord[]): AppendOutcome | null {
    const stored = stream.slice(expected + 1, expected + 1 + proposed.length);
    if (stored.length !== proposed.length || stored.some((record, i) => record.id !== proposed[i]!.id)) return null;
    const last = stored[stored.length - 1]!;
    return { ok: true, revision: last.revision, position: last.position };
  }
}
