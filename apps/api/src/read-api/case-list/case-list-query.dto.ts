import { CASE_STATUSES, PRIORITIES, REGION_CLASSES, type CaseStatus, type Priority, type RegionClass } from '#casetrail/domain';
import type { CaseListFilter } from '#casetrail/read-models';
import { EnumField, TextField } from '../../cases/shared/dto-fields.js';
import { ListQueryDto } from '../shared/list-query.dto.js';

/** `GET /v1/cases` parameters; `from`/`to` bound the time the case was reported. */
export class CaseListQueryDto extends ListQueryDto {
  @EnumField(CASE_STATUSES, { optional: true }) status?: CaseStatus;
  @EnumField(PRIORITIES, { optional: true }) priority?: Priority;
  @EnumField(REGION_CLASSES, { optional: true, description: 'Region class of the customer' }) region?: RegionClass;
  @TextField(64, { optional: true, description: 'Ignored for technicians, who always see only their own cases' }) technicianId?: string;
  @TextField(100, { optional: true }) productModel?: string;

  get filter(): CaseListFilter {
    const { status, priority, region, technicianId, productModel } = this;
    return { status, priority, region, technicianId, productModel, ...this.window };
  }
}
