import { randomBytes } from 'node:crypto';
import { isSealed, seal, unseal } from './sealed-envelope.js';

const key = { customerId: 'C-1', keyId: 'k-1', key: randomBytes(32) };
const personal = { name: '欧阳娜娜', phone: '+86 137 2468 1357', address: '成都市锦江区红星路三段99号' };
const context = { caseId: 'case-1', field: 'customer.personal' };

describe('a sealed personal-data envelope', () => {
  const envelope = seal(personal, key, context);

  it('names its format, customer and key, and holds no plaintext', () => {
    expect(envelope).toMatchObject({ enc: 'aes-256-gcm/v1', customerId: 'C-1', keyId: 'k-1' });
    expect(Object.keys(envelope).sort()).toEqual(['ct', 'customerId', 'enc', 'iv', 'keyId', 'tag']);
    const stored = JSON.stringify(envelope);
    for (const value of Object.values(personal)) expect(stored).not.toContain(value);
    expect(isSealed(envelope)).toBe(true);
    expect(isSealed(personal)).toBe(false);
  });

  it('opens with its key in its own case and field', () => {
    expect(unseal(envelope, key, context)).toEqual(personal);
  });

  it('differs every time the same value is sealed (fresh IV)', () => {
    expect(seal(personal, key, context).ct).not.toEqual(envelope.ct);
  });

  it.each([
    ['another case', { caseId: 'case-2', field: 'customer.personal' }],
    ['another field', { caseId: 'case-1', field: 'signedBy' }],
  ])('refuses to open when moved to %s', (_what, elsewhere) => {
    expect(() => unseal(envelope, key, elsewhere)).toThrow();
  });

  it('refuses a changed ciphertext, another key, or a relabelled customer', () => {
    const ct = Buffer.from(envelope.ct, 'base64');
    ct[0] = ct[0]! ^ 1;
    expect(() => unseal({ ...envelope, ct: ct.toString('base64') }, key, context)).toThrow();
    expect(() => unseal(envelope, { ...key, key: randomBytes(32) }, context)).toThrow();
    expect(() => unseal({ ...envelope, customerId: 'C-2' }, key, context)).toThrow();
  });
});
