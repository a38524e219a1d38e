import { Query } from '@nestjs/cqrs';
import type { ComplaintFilter, ComplaintView, Page } from '#casetrail/read-models';

/** Complaints newest first, filtered, one keyset page at a time. */
export class ListComplaintsQuery extends Query<Page<ComplaintView>> {
  constructor(
    readonly filter: ComplaintFilter,
    readonly cursor: string | undefined,
    readonly limit: number,
  ) {
    super();
  }
}
