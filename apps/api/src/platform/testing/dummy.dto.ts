import { Type } from 'class-transformer';
import { IsArray, IsDefined, IsIn, IsObject, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, Min, ValidateNested } from 'class-validator';

export class DummyCustomerDto {
  @IsString() @IsNotEmpty() name!: string;
  @IsString() @Matches(/^\+?[0-9 ]{6,20}$/, { message: 'must be a phone number' }) phone!: string;
}

export class DummyPartDto {
  @IsString() @IsNotEmpty() partNumber!: string;
  @IsInt() @Min(1) quantity!: number;
}

/** One DTO exercising every shape the real ones use: nested object, array of objects, enum, ISO date. */
export class DummyReportDto {
  @IsDefined() @IsObject() @ValidateNested() @Type(() => DummyCustomerDto) customer!: DummyCustomerDto;
  @IsDefined() @IsArray() @ValidateNested({ each: true }) @Type(() => DummyPartDto) parts!: DummyPartDto[];
  @IsIn(['urgent', 'general']) priority!: 'urgent' | 'general';
  @IsOptional() @IsISO8601({ strict: true }) occurredAt?: string;
}
