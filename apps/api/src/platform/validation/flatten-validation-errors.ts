import type { ValidationError } from 'class-validator';
import type { FieldError } from '#casetrail/domain';

const UNKNOWN_FIELD = 'whitelistValidation';

/** `parts` + `1` → `parts[1]`; `customer` + `phone` → `customer.phone`. */
const join = (parent: string, property: string): string =>
  /^\d+$/.test(property) ? `${parent}[${property}]` : parent === '' ? property : `${parent}.${property}`;

/**
 * class-validator's error tree as a flat list of `{ field, message }`, one per broken rule,
 * with the field path in the message removed (the `field` member carries it).
 */
export function flattenValidationErrors(errors: readonly ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = join(parent, error.property);
    const own = Object.entries(error.constraints ?? {}).map(([rule, text]) => ({
      field,
      message: rule === UNKNOWN_FIELD ? 'is not allowed' : stripProperty(text, error.property),
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** class-validator starts default messages with the property name ("phone must be a string"). */
const stripProperty = (message: string, property: string): string =>
  message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
