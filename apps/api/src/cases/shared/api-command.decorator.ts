import { applyDecorators, HttpCode } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';
import { CASE_STATUSES, type CaseStatus, type Role } from '#casetrail/domain';
import { ApiProblemResponses, Roles } from '../../platform/index.js';

export class CaseCommandResultDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ description: 'Revision of the last event this command appended (the first event is 0); also in ETag.' })
  revision!: number;
  @ApiProperty({ enum: CASE_STATUSES }) status!: CaseStatus;
  @ApiPropertyOptional({ format: 'uuid' }) complaintId?: string;
}

/** The roles, HTTP codes, headers and documented problems every case command shares (DESIGN §7). */
export function CaseCommandRoute(summary: string, roles: readonly Role[], options: { created?: boolean } = {}): MethodDecorator {
  const status = options.created ? 201 : 200;
  return applyDecorators(
    Roles(...roles),
    HttpCode(status),
    ApiBearerAuth(),
    ApiOperation({ summary, description: `Roles: ${roles.join(', ')} (supervisor and admin inherit).` }),
    ApiHeader({ name: 'If-Match', required: false, description: 'The revision last seen, as "<revision>"; stale → 412.' }),
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retry safely: the same key and body return the first answer.' }),
    ApiResponse({ status, type: CaseCommandResultDto, description: 'Applied; `ETag` holds the new revision.' }),
    ApiProblemResponses(400, 401, 403, 404, 409, 412, 413, 415, 422, 429, 503),
  );
}
