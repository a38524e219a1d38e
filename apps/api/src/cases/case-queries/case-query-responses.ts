import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** OpenAPI shapes of the case read routes (documentation only; handlers return plain objects). */
const STATE = {
  type: 'object',
  additionalProperties: true,
  description:
    'The case state: caseId, status, customer {id, region, personal {name, phone, address} — decrypted for entitled roles, ' +
    '"[redacted]" for auditors, "[erased]" after erasure}, product, fault, channel, priority, warranty, entitlements, slaPolicy, ' +
    'technicianId, complexity, reworkCount, hold, loaner, lastRepair, complaints, …',
} as const;

const SLA_CLOCKS = {
  type: 'array',
  items: { type: 'object', additionalProperties: true },
  description: 'SLA clocks {clock, complaintId?, state, startedAt, stoppedAt, dueAt, target {value, unit}, pausedSeconds, elapsedSeconds, usedRatio}',
} as const;

export class CaseViewDto {
  @ApiProperty() caseId!: string;
  @ApiProperty({ description: 'Revision of the last event (also the ETag)' }) revision!: number;
  @ApiProperty({ type: [String], description: 'Commands the case accepts now' }) allowedCommands!: string[];
  @ApiProperty(SLA_CLOCKS) slaClocks!: unknown[];
}

export class HistoryEntryDto {
  @ApiProperty() revision!: number;
  @ApiProperty() position!: number;
  @ApiProperty({ description: 'Event name, e.g. CaseReported' }) type!: string;
  @ApiProperty({ description: 'Stored, versioned type, e.g. CaseReported.v2' }) storedType!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: 'object', properties: { id: { type: 'string' }, role: { type: 'string' } } }) actor!: object;
  @ApiProperty() commandId!: string;
  @ApiProperty() correlationId!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: object;
  @ApiProperty() hash!: string;
  @ApiProperty({ nullable: true, type: String }) prevHash!: string | null;
  @ApiProperty(STATE) state!: object;
  @ApiProperty(SLA_CLOCKS) slaClocks!: unknown[];
}

export class CaseHistoryDto {
  @ApiProperty() caseId!: string;
  @ApiProperty({ type: [HistoryEntryDto] }) events!: HistoryEntryDto[];
  @ApiPropertyOptional({ description: 'Present when more events follow: pass it as `fromRevision`' }) nextRevision?: number;
  @ApiPropertyOptional({ format: 'date-time' }) asOf?: string;
  @ApiPropertyOptional({ ...SLA_CLOCKS, description: 'With `asOf`: the clocks as at that instant' }) slaClocks?: unknown[];
}

export class CaseVerificationDto {
  @ApiProperty() caseId!: string;
  @ApiProperty() valid!: boolean;
  @ApiProperty({ description: 'Events checked' }) events!: number;
  @ApiProperty({ nullable: true, type: String, description: 'Hash of the last event that checked out' }) headHash!: string | null;
  @ApiPropertyOptional({ description: 'First revision whose hash or link does not match' }) firstInvalidRevision?: number;
  @ApiPropertyOptional() reason?: string;
}
