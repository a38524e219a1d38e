import type { KeyObject } from 'node:crypto';
import type { EventStore } from '../event-store.port.js';
import { verifyAllStreams, type StoreVerification, type VerifyAllOptions } from '../hash-chain/verify-all-streams.js';
import type { Checkpoint } from './checkpoint.js';
import { DigestVerifier, type CheckpointVerification } from './digest-verifier.js';

export interface FullVerification {
  readonly valid: boolean;
  readonly chains: StoreVerification;
  readonly checkpoints: CheckpointVerification;
}

export interface VerifyStoreOptions extends VerifyAllOptions {
  /** Positions are a gap-free sequence (SQLite), so a hole is a deleted event. */
  readonly gapFree: boolean;
}

/**
 * `verify --all`: every stream's hash chain and the running digest against every signed
 * checkpoint, in one pass over the global order. The chains catch an edited event; only the
 * checkpoints catch a deleted stream or a deleted tail, which leave every remaining chain intact.
 */
export async function verifyStoreWithCheckpoints(
  store: Pick<EventStore, 'readAll'>,
  checkpoints: readonly Checkpoint[],
  publicKey: KeyObject | null,
  options: VerifyStoreOptions,
): Promise<FullVerification> {
  const digest = new DigestVerifier(checkpoints, publicKey, { gapFree: options.gapFree });
  const tapped: Pick<EventStore, 'readAll'> = {
    readAll: async (read) => {
      const page = await store.readAll(read);
      for (const event of page) digest.push(event);
      return page;
    },
  };
  const chains = await verifyAllStreams(tapped, options);
  const result = digest.result();
  return { valid: chains.valid && result.status !== 'broken', chains, checkpoints: result };
}
