import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { keyIdOf } from './checkpoint.js';

export const CHECKPOINT_KEY_FILE = 'checkpoint-key.pem';
export const CHECKPOINT_PUBLIC_KEY_FILE = 'checkpoint-key.pub.pem';

export interface CheckpointKeySource {
  /** PKCS#8 PEM text (`CASETRAIL_CHECKPOINT_KEY`). */
  readonly pem?: string | undefined;
  /** A file holding it (`CASETRAIL_CHECKPOINT_KEY_FILE`). */
  readonly file?: string | undefined;
  readonly dataDir: string;
  /** Embedded profile only: without a configured key, use (or create) `<dataDir>/checkpoint-key.pem`. */
  readonly generateIfMissing: boolean;
}

export interface CheckpointKeys {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly publicKeyPem: string;
  readonly keyId: string;
  /** True when this call created the key file, so the caller logs the public key once. */
  readonly generated: boolean;
}

/**
 * The signing key for checkpoints. The public key is always written beside the data
 * (`checkpoint-key.pub.pem`) for `verify` and exports; auditors should also keep a copy elsewhere,
 * since whoever can rewrite the data folder can rewrite that file too.
 */
export function loadCheckpointKeys(source: CheckpointKeySource): CheckpointKeys {
  const generatedFile = join(source.dataDir, CHECKPOINT_KEY_FILE);
  let pem = source.pem ?? (source.file ? readFileSync(source.file, 'utf8') : undefined);
  let generated = false;
  if (pem === undefined && existsSync(generatedFile)) pem = readFileSync(generatedFile, 'utf8');
  if (pem === undefined) {
    if (!source.generateIfMissing) {
      throw new Error('No checkpoint signing key: set CASETRAIL_CHECKPOINT_KEY (PKCS#8 PEM) or CASETRAIL_CHECKPOINT_KEY_FILE');
    }
    pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    mkdirSync(source.dataDir, { recursive: true });
    // 'wx': two processes starting at once must not overwrite each other's key.
    writeFileSync(generatedFile, pem, { mode: 0o600, flag: 'wx' });
    generated = true;
  }
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error(`The checkpoint signing key must be Ed25519, not ${privateKey.asymmetricKeyType ?? 'unknown'}`);
  }
  const publicKey = createPublicKey(privateKey);
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const publicFile = join(source.dataDir, CHECKPOINT_PUBLIC_KEY_FILE);
  if (!existsSync(publicFile) || readFileSync(publicFile, 'utf8') !== publicKeyPem) {
    mkdirSync(source.dataDir, { recursive: true });
    writeFileSync(publicFile, publicKeyPem);
  }
  return { privateKey, publicKey, publicKeyPem, keyId: keyIdOf(publicKey), generated };
}

export function readPublicKey(pem: string): KeyObject {
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`The checkpoint public key must be Ed25519, not ${key.asymmetricKeyType ?? 'unknown'}`);
  return key;
}
