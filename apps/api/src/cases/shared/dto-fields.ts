import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

/**
 * Property decorators that pair each validation rule with its OpenAPI description, so the two
 * can never disagree. Optional fields accept absence or null.
 */
interface FieldOptions {
  readonly optional?: boolean;
  readonly description?: string;
  readonly example?: unknown;
}

const presence = (o: FieldOptions): PropertyDecorator => (o.optional ? IsOptional() : IsDefined());
const doc = (o: FieldOptions, schema: Record<string, unknown>): PropertyDecorator =>
  o.optional
    ? ApiPropertyOptional({ ...schema, description: o.description, example: o.example, nullable: true })
    : ApiProperty({ ...schema, description: o.description, example: o.example });

export const TextField = (maxLength: number, o: FieldOptions = {}): PropertyDecorator =>
  applyDecorators(presence(o), IsString(), IsNotEmpty(), MaxLength(maxLength), doc(o, { type: String, maxLength }));

export const PatternField = (pattern: RegExp, message: string, o: FieldOptions = {}): PropertyDecorator =>
  applyDecorators(presence(o), IsString(), Matches(pattern, { message }), doc(o, { type: String, pattern: pattern.source }));

export const EnumField = (values: readonly string[], o: FieldOptions = {}): PropertyDecorator =>
  applyDecorators(presence(o), IsIn([...values], { message: `must be one of: ${values.join(', ')}` }), doc(o, { enum: [...values] }));

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO-8601 instant with an explicit offset: a time without a zone means nothing to an auditor. */
export const InstantField = (o: FieldOptions = {}): PropertyDecorator =>
  applyDecorators(
    presence(o),
    IsString(),
    Matches(INSTANT, { message: 'must be an ISO-8601 date-time with a time zone, e.g. 2026-03-02T09:30:00+08:00' }),
    IsISO8601({ strict: true }, { message: 'must be a valid ISO-8601 date-time' }),
    doc(o, { type: String, format: 'date-time' }),
  );

export const CalendarDateField = (o: FieldOptions = {}): PropertyDecorator =>
  applyDecorators(
    presence(o),
    IsString(),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date as YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { message: 'must be a valid calendar date' }),
    doc(o, { type: String, format: 'date' }),
  );

export const IntField = (min: number, max: number, o: FieldOptions = {}): PropertyDecorator =>
  applyDecorators(presence(o), IsInt(), Min(min), Max(max), doc(o, { type: Number, minimum: min, maximum: max }));

export const NestedField = (type: () => new () => object, o: FieldOptions = {}): PropertyDecorator =>
  applyDecorators(presence(o), IsObject(), ValidateNested(), Type(type), doc(o, { type }));

export const NestedArrayField = (type: () => new () => object, maxItems: number, o: FieldOptions = {}): PropertyDecorator =>
  applyDecorators(
    presence(o),
    IsArray(),
    ArrayMaxSize(maxItems),
    ValidateNested({ each: true }),
    Type(type),
    doc(o, { type: [type()], maxItems }),
  );
