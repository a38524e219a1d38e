/**
 * A stored event no registered type or upcaster can read. Readers stop on it rather than skip:
 * a projection or a fold that silently dropped an event would be wrong without anyone knowing.
 */
export class UnknownEventTypeError extends Error {
  constructor(
    readonly type: string,
    readonly streamId: string,
    readonly revision: number,
    readonly position: number,
  ) {
    super(`Cannot deserialize event type '${type}' at ${streamId}@${revision} (position ${position}): no type or upcaster is registered for it`);
    this.name = 'UnknownEventTypeError';
  }
}
