import fc from 'fast-check';
import { canonicalJson } from './canonical-json.js';

/** Rebuilds every object with its keys in reverse insertion order. */
const reversed = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(reversed);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversed(v)]));
  }
  return value;
};

const json = fc.jsonValue({ noUnicodeString: false });

/** The reference: JSON with every object's keys put in order by `Array#sort`. */
const sortedWithArraySort = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(sortedWithArraySort).join(',')}]`;
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record).sort().map((k) => `${JSON.stringify(k)}:${sortedWithArraySort(record[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
};

describe('canonical JSON', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: true }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":true,"z":null}]},"b":1}');
  });

  it('gives the same text whatever order the keys were built in', () => {
    fc.assert(fc.property(json, (value) => canonicalJson(value) === canonicalJson(reversed(value))));
  });

  it('writes the text of a plain sort of every object\'s keys, for few keys and for many', () => {
    const many = fc.dictionary(fc.string({ unit: 'grapheme-composite' }), json, { minKeys: 33, maxKeys: 60 });
    fc.assert(fc.property(fc.oneof(json, many), (value) => canonicalJson(value) === sortedWithArraySort(value)));
  });

  it('is stable through a JSON round trip, as storage does', () => {
    fc.assert(fc.property(json, (value) => canonicalJson(JSON.parse(JSON.stringify(value))) === canonicalJson(value)));
  });

  it('reads back as the value JSON itself would store', () => {
    // Compared with a JSON round trip rather than the value: JSON already turns -0 into 0.
    fc.assert(fc.property(json, (value) => expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)))));
  });

  it('leaves out members whose value is undefined, as JSON does', () => {
    expect(canonicalJson({ a: undefined, b: 2 })).toBe('{"b":2}');
  });

  it('refuses values that would not survive storage unchanged', () => {
    expect(() => canonicalJson({ at: new Date(0) })).toThrow(/\$\.at is not a JSON value \(Date\)/);
    expect(() => canonicalJson([1, Number.NaN])).toThrow(/\$\[1\] is NaN/);
    expect(() => canonicalJson({ n: 1n })).toThrow(/bigint/);
    expect(() => canonicalJson([undefined])).toThrow(/not a JSON value/);
  });
});
