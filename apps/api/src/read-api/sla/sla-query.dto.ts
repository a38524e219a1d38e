import { PRIORITIES, REGION_CLASSES, SLA_CLOCK_STATES, type Priority, type RegionClass, type SlaClockState } from '#casetrail/domain';
import { SLA_GROUP_BYS, type SlaClockFilter, type SlaGroupBy, type SlaSummaryRequest } from '#casetrail/read-models';
import { EnumField, TextField } from '../../cases/shared/dto-fields.js';
import { ListQueryDto } from '../shared/list-query.dto.js';
import { TimeWindowDto } from '../shared/time-window.dto.js';

const CLOCK_DOC = 'Clock name from the policy, e.g. firstResponse, onSite, repair, resultFeedback, loaner, survey, complaintAck, complaintResolution';

/** `GET /v1/sla/clocks` parameters; `from`/`to` bound the instant each clock started. */
export class SlaClocksQueryDto extends ListQueryDto {
  @TextField(64, { optional: true }) caseId?: string;
  @TextField(64, { optional: true, description: CLOCK_DOC }) clock?: string;
  @EnumField(SLA_CLOCK_STATES, { optional: true, description: 'The state now (running/at-risk/overdue resolved at query time)' }) state?: SlaClockState;
  @EnumField(REGION_CLASSES, { optional: true, description: 'Region class of the customer' }) region?: RegionClass;
  @EnumField(PRIORITIES, { optional: true }) priority?: Priority;
  @TextField(64, { optional: true, description: 'The technician last dispatched to the case' }) technicianId?: string;

  get filter(): SlaClockFilter {
    const { caseId, clock, state, region, priority, technicianId } = this;
    return { caseId, clock, state, region, priority, technicianId, ...this.window };
  }
}

/** `GET /v1/sla/summary` parameters. */
export class SlaSummaryQueryDto extends TimeWindowDto {
  @TextField(64, { optional: true, description: `${CLOCK_DOC}; absent: every clock` }) clock?: string;
  @EnumField(SLA_GROUP_BYS, { optional: true, description: 'What each group is keyed by; absent: one group keyed `all`' }) groupBy?: SlaGroupBy;

  /** `from`/`to` bound the clock's start. */
  get request(): SlaSummaryRequest {
    return { clock: this.clock, groupBy: this.groupBy, ...this.window };
  }
}
