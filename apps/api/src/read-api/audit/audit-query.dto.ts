import type { AuditFilter } from '#casetrail/read-models';
import { TextField } from '../../cases/shared/dto-fields.js';
import { ListQueryDto } from '../shared/list-query.dto.js';

/** `GET /v1/audit/events` parameters; `from`/`to` bound the server time the event was recorded. */
export class AuditQueryDto extends ListQueryDto {
  @TextField(64, { optional: true }) caseId?: string;
  @TextField(64, { optional: true, description: 'The actor id from the bearer token that issued the command' }) actorId?: string;
  @TextField(100, { optional: true, description: 'Event name without version, e.g. RepairCompleted', example: 'RepairCompleted' })
  type?: string;

  get filter(): AuditFilter {
    const { caseId, actorId, type } = this;
    return { caseId, actorId, type, ...this.window };
  }
}
