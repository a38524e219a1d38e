import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { caseStreamId } from '#casetrail/domain';
import { verifyStream, type EventStore } from '#casetrail/event-store';
import { EVENT_STORE } from '../../tokens.js';
import { caseNotFound } from '../case-access.js';
import { VerifyCaseQuery, type CaseVerification } from './verify-case.query.js';

/** Recomputes the case's hash chain from the stored bytes (DESIGN §6): no upcasting, no folding. */
@QueryHandler(VerifyCaseQuery)
export class VerifyCaseHandler implements IQueryHandler<VerifyCaseQuery, CaseVerification> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ caseId }: VerifyCaseQuery): Promise<CaseVerification> {
    const recorded = await this.store.readStream(caseStreamId(caseId), { storedJson: true });
    if (recorded.length === 0) throw caseNotFound(caseId);
    return { caseId, ...verifyStream(recorded) };
  }
}
