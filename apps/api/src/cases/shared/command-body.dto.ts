import type { Instant } from '#casetrail/domain';
import { InstantField } from './dto-fields.js';

/** Every command body may say when the step happened in the field (DESIGN §2, §7). */
export class CommandBodyDto {
  @InstantField({
    optional: true,
    description: 'When it happened in the field; default now. At most 2 minutes in the future, not before the previous event.',
    example: '2026-03-02T09:30:00+08:00',
  })
  occurredAt?: string | null;

  /** Normalised to UTC so instants compare as strings everywhere downstream. */
  occurredAtOrNull(): Instant | null {
    return instantOrNull(this.occurredAt);
  }
}

/** Optional instants are normalised the same way. */
export const instantOrNull = (value: string | null | undefined): Instant | null => (value ? new Date(value).toISOString() : null);
