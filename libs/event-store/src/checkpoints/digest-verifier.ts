import type { KeyObject } from 'node:crypto';
import type { Position, RecordedEvent } from '../event-store.port.js';
import { checkpointSignatureValid, keyIdOf, type Checkpoint } from './checkpoint.js';
import { advance, GENESIS_STATE, type DigestState } from './running-digest.js';

export type CheckpointProblemKind = 'missing-events' | 'digest-mismatch' | 'bad-signature' | 'unknown-key' | 'missing-checkpoint' | 'deleted-tail';

export interface CheckpointProblem {
  readonly kind: CheckpointProblemKind;
  readonly seq?: number;
  readonly position?: Position;
  readonly detail: string;
}

export interface CheckpointVerification {
  readonly status: 'intact' | 'broken' | 'no-checkpoints';
  readonly checkpoints: number;
  /** The last checkpoint before the first one that failed; `null` when none held. */
  readonly intactUpTo: { readonly seq: number; readonly position: Position } | null;
  readonly headPosition: Position;
  /** Events after the last checkpoint: their deletion could not be detected yet. */
  readonly uncoveredEvents: number;
  readonly problems: readonly CheckpointProblem[];
  readonly summary: string;
}

/**
 * Recomputes the running digest over the global order and holds every signed checkpoint against
 * it. `gapFree` (the SQLite store) also reports each hole in the positions as deleted events.
 */
export class DigestVerifier {
  private state: DigestState = GENESIS_STATE;
  private next = 0;
  private readonly failed = new Set<number>();
  private readonly problems: CheckpointProblem[] = [];
  private readonly checkpoints: readonly Checkpoint[];

  constructor(checkpoints: readonly Checkpoint[], publicKey: KeyObject | null, private readonly options: { gapFree: boolean }) {
    this.checkpoints = [...checkpoints].sort((a, b) => a.seq - b.seq);
    const keyId = publicKey ? keyIdOf(publicKey) : 'none';
    this.checkpoints.forEach((cp, i) => {
      if (cp.seq !== i + 1 && !this.problems.some((p) => p.kind === 'missing-checkpoint')) {
        this.problem({ kind: 'missing-checkpoint', seq: i + 1, detail: `checkpoint ${i + 1} is missing from the checkpoint file` }, cp.seq);
      }
      if (i > 0 && cp.position <= this.checkpoints[i - 1]!.position) {
        this.problem({ kind: 'digest-mismatch', seq: cp.seq, position: cp.position, detail: `checkpoint ${cp.seq} does not come after checkpoint ${cp.seq - 1}` }, cp.seq);
      }
      if (!publicKey || cp.keyId !== keyId) {
        this.problem({ kind: 'unknown-key', seq: cp.seq, detail: `checkpoint ${cp.seq} is signed by key ${cp.keyId}, not by the public key given (${keyId})` }, cp.seq);
      } else if (!checkpointSignatureValid(cp, publicKey)) {
        this.problem({ kind: 'bad-signature', seq: cp.seq, detail: `checkpoint ${cp.seq}: the signature does not match its content` }, cp.seq);
      }
    });
    this.checkpoints = this.checkpoints.filter((cp, i) => i === 0 || cp.position > this.checkpoints[i - 1]!.position);
  }

  push(event: Pick<RecordedEvent, 'position' | 'hash'>): void {
    const expected = this.state.position + 1;
    if (this.options.gapFree && event.position > expected) {
      const range = event.position - 1 === expected ? `position ${expected} is` : `positions ${expected}–${event.position - 1} are`;
      this.problem({ kind: 'missing-events', position: expected, detail: `${range} missing: events were deleted` });
    }
    while (this.next < this.checkpoints.length && this.checkpoints[this.next]!.position < event.position) {
      const cp = this.checkpoints[this.next++]!;
      this.problem({ kind: 'digest-mismatch', seq: cp.seq, position: cp.position, detail: `checkpoint ${cp.seq} (position ${cp.position}) no longer matches: its event is gone` }, cp.seq);
    }
    this.state = advance(this.state, event);
    const cp = this.checkpoints[this.next];
    if (cp && cp.position === event.position) {
      this.next += 1;
      if (cp.digest !== this.state.digest || cp.eventCount !== this.state.eventCount) {
        this.problem({
          kind: 'digest-mismatch',
          seq: cp.seq,
          position: cp.position,
          detail: `checkpoint ${cp.seq} (position ${cp.position}) no longer matches: events at or before position ${cp.position} were changed, deleted or inserted`,
        }, cp.seq);
      }
    }
  }

  result(): CheckpointVerification {
    const head = this.state.position;
    const beyond = this.checkpoints.slice(this.next);
    if (beyond.length > 0) {
      const lastCp = beyond[beyond.length - 1]!;
      this.problem({
        kind: 'deleted-tail',
        seq: beyond[0]!.seq,
        position: head,
        detail: `deleted tail: the store ends at position ${head}, but checkpoint ${lastCp.seq} covers position ${lastCp.position} (checkpoint ${beyond[0]!.seq} at position ${beyond[0]!.position} is the first that no longer matches)`,
      });
      for (const cp of beyond) this.failed.add(cp.seq);
    }
    const firstFailed = this.checkpoints.findIndex((cp) => this.failed.has(cp.seq));
    const intact = firstFailed === -1 ? this.checkpoints : this.checkpoints.slice(0, firstFailed);
    const lastIntact = intact[intact.length - 1];
    const intactUpTo = lastIntact ? { seq: lastIntact.seq, position: lastIntact.position } : null;
    const lastCp = this.checkpoints[this.checkpoints.length - 1];
    const uncoveredEvents = lastCp && lastCp.position <= head ? this.state.eventCount - lastCp.eventCount : lastCp ? 0 : this.state.eventCount;
    const status = this.problems.length > 0 ? 'broken' : this.checkpoints.length > 0 ? 'intact' : 'no-checkpoints';
    const upTo = intactUpTo ? `intact up to checkpoint ${intactUpTo.seq} (position ${intactUpTo.position})` : 'no checkpoint holds';
    const summary =
      status === 'broken' ? `${this.problems[0]!.detail}; ${upTo}`
      : status === 'intact' ? `${upTo}; ${uncoveredEvents} later events not yet covered by a checkpoint`
      : `no checkpoints: a deleted tail or stream cannot be detected (${head} events)`;
    return { status, checkpoints: this.checkpoints.length, intactUpTo, headPosition: head, uncoveredEvents, problems: this.problems, summary };
  }

  private problem(problem: CheckpointProblem, failedSeq?: number): void {
    this.problems.push(problem);
    if (failedSeq !== undefined) this.failed.add(failedSeq);
  }
}
