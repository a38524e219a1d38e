import { Query } from '@nestjs/cqrs';
import type { AnalyticsWindow, ComplaintGroupBy, ComplaintSummary } from '#casetrail/read-models';

/** Complaint counts, resolution times and rates per 1,000 cases, grouped, over a filing window. */
export class SummarizeComplaintsQuery extends Query<ComplaintSummary> {
  constructor(
    readonly groupBy: ComplaintGroupBy,
    readonly window: AnalyticsWindow,
  ) {
    super();
  }
}
