import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DEFAULT_LIMIT, MAX_LIMIT } from '#casetrail/read-models';
import { InstantField } from '../../cases/shared/dto-fields.js';

/** Paging and the time window every list shares. Unknown parameters are refused (400). */
export class ListQueryDto {
  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_LIMIT)
  limit?: number;

  @InstantField({ optional: true, description: 'Inclusive lower bound (ISO-8601 instant)' }) from?: string;
  @InstantField({ optional: true, description: 'Exclusive upper bound (ISO-8601 instant)' }) to?: string;

  get pageLimit(): number {
    return this.limit ?? DEFAULT_LIMIT;
  }

  /** Instants normalised to UTC ISO text, as the read models store them. */
  get window(): { from?: string; to?: string } {
    return {
      ...(this.from ? { from: new Date(this.from).toISOString() } : {}),
      ...(this.to ? { to: new Date(this.to).toISOString() } : {}),
    };
  }
}
