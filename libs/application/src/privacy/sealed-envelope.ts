import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { CustomerDataKey } from './key-store/customer-key-store.port.js';

export const SEALED_FORMAT = 'aes-256-gcm/v1';

/**
 * What stands in stored event data where a customer's personal data was: AES-256-GCM under the
 * customer's data key (named by `keyId`; the key itself lives only in the key store). Base64
 * fields keep event data JSON primitives (DESIGN §2), and the hash chain covers these bytes, so
 * deleting the key later changes nothing the chain proves.
 */
export interface SealedEnvelope {
  readonly enc: typeof SEALED_FORMAT;
  readonly customerId: string;
  readonly keyId: string;
  readonly iv: string;
  readonly ct: string;
  readonly tag: string;
}

/**
 * Bound into the ciphertext as additional authenticated data: a sealed value moved to another
 * case or field (or relabelled with another customer or key) fails to open instead of lying.
 */
export interface SealingContext {
  readonly caseId: string;
  /** Path of the field inside the event's data, e.g. `customer.personal`. */
  readonly field: string;
}

const aad = (context: SealingContext, customerId: string, keyId: string): Buffer =>
  Buffer.from(JSON.stringify([SEALED_FORMAT, context.caseId, context.field, customerId, keyId]), 'utf8');

export function isSealed(value: unknown): value is SealedEnvelope {
  return typeof value === 'object' && value !== null && (value as { enc?: unknown }).enc === SEALED_FORMAT;
}

export function seal(value: unknown, key: CustomerDataKey, context: SealingContext): SealedEnvelope {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.key, iv);
  cipher.setAAD(aad(context, key.customerId, key.keyId));
  const ct = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return {
    enc: SEALED_FORMAT,
    customerId: key.customerId,
    keyId: key.keyId,
    iv: iv.toString('base64'),
    ct: ct.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** Throws when the ciphertext, its tag or its context does not match: tampered or misplaced. */
export function unseal(envelope: SealedEnvelope, key: CustomerDataKey, context: SealingContext): unknown {
  const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(envelope.iv, 'base64'));
  decipher.setAAD(aad(context, envelope.customerId, envelope.keyId));
  decipher.setAuthTag(Buffer.from(envelope.tag, 'base64'));
  const plain = Buffer.concat([decipher.update(Buffer.from(envelope.ct, 'base64')), decipher.final()]);
  return JSON.parse(plain.toString('utf8'));
}
