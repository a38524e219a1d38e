import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '#casetrail/domain';
import { IdempotencyKeyTakenError, type EventStore, type IdempotencyRecord } from '#casetrail/event-store';
import { EVENT_STORE } from '../../tokens.js';
import type { CaseCommandResult } from '../case-command-result.js';
import type { CommandRequest } from './execute-case-command.js';

export type IdempotencyClaim = Pick<IdempotencyRecord, 'key' | 'fingerprint'>;

/**
 * `Idempotency-Key` (DESIGN §7): the same key and body answer the first answer again and write
 * nothing; the same key with another body is refused (422); the same key while the first request
 * is still running is refused (409). Keys are scoped per actor. The answer itself is recorded by
 * the event store in the transaction that appends the events.
 */
@Injectable()
export class IdempotencyGuard {
  private readonly inFlight = new Set<string>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async run(request: CommandRequest, work: (claim: IdempotencyClaim | undefined) => Promise<CaseCommandResult>): Promise<CaseCommandResult> {
    if (request.idempotencyKey === undefined) return work(undefined);
    const claim = { key: `${request.actor.id}:${request.idempotencyKey}`, fingerprint: request.fingerprint };
    if (this.inFlight.has(claim.key)) {
      throw new DomainError('IDEMPOTENCY.IN_FLIGHT', 'conflict', 'A request with this Idempotency-Key is still being processed');
    }
    this.inFlight.add(claim.key);
    try {
      return (await this.replay(claim)) ?? (await this.runOnce(claim, work));
    } finally {
      this.inFlight.delete(claim.key);
    }
  }

  private async runOnce(claim: IdempotencyClaim, work: (claim: IdempotencyClaim) => Promise<CaseCommandResult>): Promise<CaseCommandResult> {
    try {
      return await work(claim);
    } catch (error) {
      // Another process recorded the key between our look-up and our append.
      const replayed = error instanceof IdempotencyKeyTakenError ? await this.replay(claim) : undefined;
      if (replayed) return replayed;
      throw error;
    }
  }

  private async replay(claim: IdempotencyClaim): Promise<CaseCommandResult | undefined> {
    const record = await this.store.findIdempotencyRecord(claim.key);
    if (!record) return undefined;
    if (record.fingerprint !== claim.fingerprint) {
      throw new DomainError('IDEMPOTENCY.KEY_REUSED', 'unprocessable', 'This Idempotency-Key was already used with a different request');
    }
    return record.response as CaseCommandResult;
  }
}
