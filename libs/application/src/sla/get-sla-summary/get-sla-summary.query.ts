import { Query } from '@nestjs/cqrs';
import type { SlaSummaryGroup, SlaSummaryRequest } from '#casetrail/read-models';

export interface SlaSummary {
  readonly groups: readonly SlaSummaryGroup[];
}

/** Grouped SLA compliance (DESIGN §5), states as at the clock port's now. */
export class GetSlaSummaryQuery extends Query<SlaSummary> {
  constructor(readonly request: SlaSummaryRequest) {
    super();
  }
}
