import { Command } from '@nestjs/cqrs';
import type { Actor, CaseCommand, Instant } from '#casetrail/domain';
import type { CaseCommandResult } from '../case-command-result.js';

type WithoutOccurredAt<C> = C extends unknown ? Omit<C, 'occurredAt'> & { readonly occurredAt: Instant | null } : never;

/** A case command as it arrives: `occurredAt` is null when the client left it to the server's clock. */
export type CaseCommandInput = WithoutOccurredAt<CaseCommand>;

/** Who asks, and under which HTTP preconditions. */
export interface CommandRequest {
  readonly actor: Actor;
  /** From `If-Match`: the revision the client last saw; absent means "whatever is current". */
  readonly expectedRevision?: number;
  readonly idempotencyKey?: string;
  /** Hash of route and body, to tell a genuine retry from a reused key. */
  readonly fingerprint: string;
  readonly correlationId?: string;
}

export class ExecuteCaseCommand extends Command<CaseCommandResult> {
  constructor(
    readonly input: CaseCommandInput,
    readonly request: CommandRequest,
  ) {
    super();
  }
}
