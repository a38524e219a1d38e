import { Query } from '@nestjs/cqrs';
import type { AnalyticsWindow, SatisfactionGroupBy, SatisfactionSummary } from '#casetrail/read-models';

/** Survey scores against the satisfaction targets and the return-visit rate, grouped, over a window. */
export class SummarizeSatisfactionQuery extends Query<SatisfactionSummary> {
  constructor(
    readonly groupBy: SatisfactionGroupBy,
    readonly window: AnalyticsWindow,
  ) {
    super();
  }
}
