import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { DomainError, type FieldError } from '#casetrail/domain';
import { flattenValidationErrors } from './flatten-validation-errors.js';
import { memoiseValidationMetadata } from './memoise-validation-metadata.js';

export const invalidRequest = (errors: readonly FieldError[]): DomainError =>
  new DomainError('REQUEST.INVALID', 'invalid', 'The request is invalid', { errors });

const PRIMITIVES: readonly unknown[] = [String, Number, Boolean, Array, Object, Symbol, BigInt];

/**
 * class-transformer turns `[]`, `"x"` or `null` into something that is not a DTO instance and
 * class-validator then reports odd or no errors, so a body that is not a JSON object is refused
 * up front. An absent body (no content) is validated as `{}`, reporting each missing field.
 */
class ProblemValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const expectsDto = typeof metadata.metatype === 'function' && !PRIMITIVES.includes(metadata.metatype);
    if (metadata.type === 'body' && expectsDto && value !== undefined) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw invalidRequest([{ field: '', message: 'the request body must be a JSON object' }]);
      }
    }
    return super.transform(value, metadata);
  }
}

/** The global pipe: DTOs are whitelisted, unknown fields refused, errors reported per field. */
export function createValidationPipe(): ValidationPipe {
  memoiseValidationMetadata();
  return new ProblemValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    // A string never silently becomes a number or a boolean; query DTOs convert with @Type.
    transformOptions: { enableImplicitConversion: false },
    validateCustomDecorators: false,
    stopAtFirstError: false,
    exceptionFactory: (errors) => invalidRequest(flattenValidationErrors(errors)),
  });
}
