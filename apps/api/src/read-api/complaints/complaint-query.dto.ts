import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_SEVERITIES,
  COMPLAINT_STATUSES,
  type ComplaintCategory,
  type ComplaintSeverity,
  type ComplaintStatus,
} from '#casetrail/domain';
import { COMPLAINT_GROUP_BYS, type ComplaintFilter, type ComplaintGroupBy } from '#casetrail/read-models';
import { EnumField, TextField } from '../../cases/shared/dto-fields.js';
import { ListQueryDto } from '../shared/list-query.dto.js';
import { TimeWindowDto } from '../shared/time-window.dto.js';

/** `GET /v1/complaints` parameters; `from`/`to` bound the time the complaint was filed. */
export class ComplaintListQueryDto extends ListQueryDto {
  @TextField(64, { optional: true }) caseId?: string;
  @EnumField(COMPLAINT_CATEGORIES, { optional: true }) category?: ComplaintCategory;
  @EnumField(COMPLAINT_SEVERITIES, { optional: true }) severity?: ComplaintSeverity;
  @EnumField(COMPLAINT_STATUSES, { optional: true, description: 'A reopened complaint is `acknowledged` again' }) status?: ComplaintStatus;
  @TextField(100, { optional: true, description: 'The responsible department named at acknowledgement' }) department?: string;
  @TextField(100, { optional: true }) productModel?: string;

  get filter(): ComplaintFilter {
    const { caseId, category, severity, status, department, productModel } = this;
    return { caseId, category, severity, status, department, productModel, ...this.window };
  }
}

/** `GET /v1/complaints/summary` parameters: no paging, a summary is one answer. */
export class ComplaintSummaryQueryDto extends TimeWindowDto {
  @EnumField(COMPLAINT_GROUP_BYS, { description: 'What each group is keyed by' }) groupBy!: ComplaintGroupBy;
}
