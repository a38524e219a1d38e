import { Query } from '@nestjs/cqrs';
import type { Page, SlaClockFilter, SlaClockItem } from '#casetrail/read-models';

/** SLA clocks (DESIGN §5), states as at the clock port's now. */
export class ListSlaClocksQuery extends Query<Page<SlaClockItem>> {
  constructor(
    readonly filter: SlaClockFilter,
    readonly cursor: string | undefined,
    readonly limit: number,
  ) {
    super();
  }
}
