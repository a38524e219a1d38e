import { SATISFACTION_GROUP_BYS, type SatisfactionGroupBy } from '#casetrail/read-models';
import { EnumField } from '../../cases/shared/dto-fields.js';
import { TimeWindowDto } from '../shared/time-window.dto.js';

/** `GET /v1/satisfaction/summary` parameters. */
export class SatisfactionSummaryQueryDto extends TimeWindowDto {
  @EnumField(SATISFACTION_GROUP_BYS, { description: 'What each group is keyed by' }) groupBy!: SatisfactionGroupBy;
}
