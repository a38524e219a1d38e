import { Query } from '@nestjs/cqrs';
import type { Actor } from '#casetrail/domain';
import type { CaseListFilter, CaseSummaryItem, Page } from '#casetrail/read-models';

/** `GET /v1/cases`: the case summaries matching the filter, newest first, one page. */
export class ListCasesQuery extends Query<Page<CaseSummaryItem>> {
  constructor(
    readonly filter: CaseListFilter,
    readonly actor: Actor,
    readonly cursor: string | undefined,
    readonly limit: number,
  ) {
    super();
  }
}
