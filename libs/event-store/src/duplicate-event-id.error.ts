import { DomainError } from '#casetrail/domain';

/**
 * An event id is already stored somewhere other than right after the expected revision of the
 * same stream, so the append is neither new nor a retry. Event ids are meant to be unique; this
 * points at a bug in whoever made them.
 */
export class DuplicateEventIdError extends DomainError {
  constructor(readonly streamId: string) {
    super('STORE.DUPLICATE_EVENT_ID', 'conflict', `An event appended to ${streamId} reuses an event id that is already stored`);
  }
}
