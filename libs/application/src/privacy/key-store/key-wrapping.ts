import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** How a data key is kept at rest: as is, or wrapped (AES-256-GCM) under the master key. */
export type Wrapping = 'none' | 'master/aes-256-gcm/v1';

export interface StoredKeyMaterial {
  readonly wrapping: Wrapping;
  readonly material: Buffer;
}

/**
 * Data keys are wrapped with `CASETRAIL_MASTER_KEY` (base64 of 32 bytes) when it is set, so a
 * copy of the key table alone (a backup, a stolen disk) opens nothing. Keys stored before the
 * master key was configured stay readable; keys stored wrapped cannot be read without it, and
 * the service says so instead of showing every customer as erased.
 */
export class KeyWrapper {
  private constructor(private readonly master: Buffer | null) {}

  static fromEnv(env: NodeJS.ProcessEnv = process.env): KeyWrapper {
    const value = env['CASETRAIL_MASTER_KEY'];
    if (!value) return new KeyWrapper(null);
    const master = Buffer.from(value, 'base64');
    if (master.length !== 32) throw new Error('CASETRAIL_MASTER_KEY must be 32 bytes, base64-encoded (e.g. `openssl rand -base64 32`)');
    return new KeyWrapper(master);
  }

  static none(): KeyWrapper {
    return new KeyWrapper(null);
  }

  wrap(customerId: string, keyId: string, key: Buffer): StoredKeyMaterial {
    if (!this.master) return { wrapping: 'none', material: key };
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.master, iv);
    cipher.setAAD(Buffer.from(`${customerId}\u0000${keyId}`, 'utf8'));
    const ct = Buffer.concat([cipher.update(key), cipher.final()]);
    return { wrapping: 'master/aes-256-gcm/v1', material: Buffer.concat([iv, cipher.getAuthTag(), ct]) };
  }

  unwrap(customerId: string, keyId: string, stored: StoredKeyMaterial): Buffer {
    if (stored.wrapping === 'none') return stored.material;
    if (!this.master) throw new Error(`The key of customer ${customerId} is wrapped with a master key: set CASETRAIL_MASTER_KEY`);
    const decipher = createDecipheriv('aes-256-gcm', this.master, stored.material.subarray(0, 12));
    decipher.setAAD(Buffer.from(`${customerId}\u0000${keyId}`, 'utf8'));
    decipher.setAuthTag(stored.material.subarray(12, 28));
    return Buffer.concat([decipher.update(stored.material.subarray(28)), decipher.final()]);
  }
}
