/**
 * Canonical JSON (DESIGN §6): object keys sorted by UTF-16 code units at every depth, no
 * whitespace. Two equal JSON values always give the same text, whatever order their keys were
 * built in, so a hash over it survives a round trip through storage.
 *
 * Only values that survive `JSON.stringify` → `JSON.parse` unchanged are accepted; anything
 * else (a `Date`, `NaN`, a class instance, a bigint) throws rather than hashing one text and
 * storing another. Object members whose value is `undefined` are left out, as JSON does.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$');
}

function write(value: unknown, path: string): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${path} is ${value}, which JSON cannot hold`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map((item, i) => write(item, `${path}[${i}]`)).join(',')}]`;
  }
  if (isPlainObject(value)) {
    const members: string[] = [];
    for (const key of Object.keys(value).sort()) {
      const member = value[key];
      if (member === undefined) continue;
      members.push(`${JSON.stringify(key)}:${write(member, `${path}.${key}`)}`);
    }
    return `{${members.join(',')}}`;
  }
  throw new TypeError(`canonicalJson: ${path} is not a JSON value (${describe(value)})`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function describe(value: unknown): string {
  if (typeof value === 'object' && value !== null) return value.constructor?.name ?? 'object';
  return typeof value;
}
