import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { caseStreamId, decide, DomainError, evolve, type CaseCommand, type Clock, type IdGenerator } from '#casetrail/domain';
import { WrongExpectedRevisionError, type EventStore } from '#casetrail/event-store';
import { CASE_POLICIES, CLOCK, EVENT_STORE, ID_GENERATOR, UNIT_FACTS } from '../../tokens.js';
import type { CaseCommandResult } from '../case-command-result.js';
import type { CasePolicies } from '../case-policies.js';
import { loadCase } from '../load-case.js';
import type { UnitFactsLookup } from '../unit-facts.port.js';
import { withholdPersonalData } from '../../privacy/show-personal-data.js';
import { CaseStateCache, type CachedCase } from './case-state-cache.js';
import { toNewEvents } from './event-envelope.js';
import { ExecuteCaseCommand, type CaseCommandInput, type CommandRequest } from './execute-case-command.js';
import { IdempotencyGuard, type IdempotencyClaim } from './idempotency-guard.js';
import { KeyedMutex } from './keyed-mutex.js';

/** Without If-Match the client asked for "whatever is current", so a race lost to another process is retried. */
const MAX_ATTEMPTS = 10;

const stale = (currentRevision: number): DomainError =>
  new DomainError('CASE.VERSION_CONFLICT', 'precondition-failed', `The case is at revision ${currentRevision}`, { currentRevision });

const busy = (): DomainError =>
  new DomainError('CASE.CONCURRENCY_CONFLICT', 'conflict', 'The case kept changing while this command was decided; retry it');

/** read → fold → decide → append with the expected revision → answer. No business rule lives here. */
@CommandHandler(ExecuteCaseCommand)
export class ExecuteCaseCommandHandler implements ICommandHandler<ExecuteCaseCommand, CaseCommandResult> {
  private readonly perCase = new KeyedMutex();
  private readonly cache = new CaseStateCache();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(UNIT_FACTS) private readonly units: UnitFactsLookup,
    @Inject(CASE_POLICIES) private readonly policies: CasePolicies,
    private readonly idempotency: IdempotencyGuard,
  ) {}

  execute({ input, request }: ExecuteCaseCommand): Promise<CaseCommandResult> {
    return this.idempotency.run(request, (claim) => this.perCase.run(input.caseId, () => this.decideAndAppend(input, request, claim)));
  }

  private async load(caseId: string): Promise<CachedCase> {
    const { state, revision } = await loadCase(this.store, caseId);
    return { state, revision };
  }

  private async decideAndAppend(input: CaseCommandInput, request: CommandRequest, claim?: IdempotencyClaim): Promise<CaseCommandResult> {
    for (let attempt = 1; ; attempt++) {
      const cached = this.cache.get(input.caseId);
      let current: CachedCase = cached ?? (await this.load(input.caseId));
      // A cached state answers nothing by itself: a mismatch or a refusal is checked on the stream.
      if (request.expectedRevision !== undefined && request.expectedRevision !== current.revision) {
        if (cached) current = await this.load(input.caseId);
        if (request.expectedRevision !== current.revision) throw stale(current.revision);
      }
      const now = new Date(this.clock.now()).toISOString();
      const command = { ...input, occurredAt: input.occurredAt ?? now } as CaseCommand;
      const unit = command.type === 'ReportCase' ? await this.units.forSerial(command.data.product.serialNumber) : null;
      const context = { now, actor: request.actor, warrantyPolicy: this.policies.warranty, slaPolicy: this.policies.slaPolicyVersion, unit };
      let events;
      try {
        events = decide(command, current.state, context);
      } catch (error) {
        if (!(error instanceof DomainError) || current !== cached) throw error;
        current = await this.load(input.caseId);
        events = decide(command, current.state, context);
      }
      // Folded as `loadCase` folds what it reads: personal fields withheld.
      const next: CachedCase = { state: events.map(withholdPersonalData).reduce(evolve, current.state), revision: current.revision + events.length };
      const result: CaseCommandResult = {
        caseId: input.caseId,
        revision: next.revision,
        status: next.state.status as CaseCommandResult['status'],
        ...('complaintId' in command.data ? { complaintId: command.data.complaintId } : {}),
      };
      const streamId = caseStreamId(input.caseId);
      try {
        const [first] = events;
        if (first?.type === 'CaseReported') await this.units.registerReported(first, request);
        await this.store.appendToStream(streamId, toNewEvents(events, streamId, request, this.ids), {
          expectedRevision: current.revision < 0 ? 'no-stream' : current.revision,
          ...(claim ? { idempotency: { ...claim, response: result } } : {}),
        });
        this.cache.set(input.caseId, next);
        return result;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        this.cache.delete(input.caseId);
        if (request.expectedRevision !== undefined) throw stale(error.currentRevision);
        if (attempt >= MAX_ATTEMPTS) throw busy();
      }
    }
  }
}
