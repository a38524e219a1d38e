/**
 * Small readers for policy JSON: each takes the value and its dotted path, returns it typed
 * or throws `SlaPolicyValidationError` naming the path, so a bad file says exactly what to fix.
 */
export class SlaPolicyValidationError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
    this.name = 'SlaPolicyValidationError';
  }
}

export const fail = (field: string, problem: string): never => {
  throw new SlaPolicyValidationError(field, problem);
};

export type JsonObject = Readonly<Record<string, unknown>>;

export const readObject = (value: unknown, field: string, allowedKeys: readonly string[]): JsonObject => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(field, 'must be an object');
  for (const key of Object.keys(value)) {
    if (!allowedKeys.includes(key)) fail(`${field}.${key}`, `is not a known field (expected one of ${allowedKeys.join(', ')})`);
  }
  return value as JsonObject;
};

export const readString = (value: unknown, field: string, pattern?: RegExp): string => {
  if (typeof value !== 'string' || value.length === 0) return fail(field, 'must be a non-empty string');
  if (pattern && !pattern.test(value)) fail(field, `"${value}" does not match ${pattern.source}`);
  return value;
};

export const readOptional = <T>(value: unknown, field: string, read: (value: unknown, field: string) => T): T | undefined =>
  value === undefined ? undefined : read(value, field);

export const readBoolean = (value: unknown, field: string): boolean =>
  typeof value === 'boolean' ? value : fail(field, 'must be true or false');

export const readPositiveNumber = (value: unknown, field: string): number =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fail(field, 'must be a positive number');

export const readOneOf = <T extends string>(value: unknown, field: string, allowed: readonly T[]): T =>
  typeof value === 'string' && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : fail(field, `must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`);

export const readArray = <T>(
  value: unknown,
  field: string,
  readItem: (item: unknown, field: string) => T,
  options: { readonly nonEmpty?: boolean } = {},
): T[] => {
  if (!Array.isArray(value)) return fail(field, 'must be an array');
  if (options.nonEmpty && value.length === 0) fail(field, 'must not be empty');
  return value.map((item, index) => readItem(item, `${field}[${index}]`));
};
