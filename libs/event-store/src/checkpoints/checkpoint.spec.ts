import { generateKeyPairSync } from 'node:crypto';
import { checkpointSignatureValid, keyIdOf, signCheckpoint, type CheckpointBody } from './checkpoint.js';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const body: CheckpointBody = { seq: 3, position: 3000, digest: 'a'.repeat(64), eventCount: 3000, createdAt: '2026-05-01T10:00:00.000Z', keyId: keyIdOf(publicKey) };

describe('a signed checkpoint', () => {
  it('verifies with the public key of the key that signed it', () => {
    expect(checkpointSignatureValid(signCheckpoint(body, privateKey), publicKey)).toBe(true);
  });

  it.each(['seq', 'position', 'digest', 'eventCount', 'createdAt', 'keyId'] as const)('fails once its %s is changed', (field) => {
    const signed = signCheckpoint(body, privateKey);
    const changed = { ...signed, [field]: typeof signed[field] === 'number' ? (signed[field] as number) + 1 : `${signed[field]}x` };
    expect(checkpointSignatureValid(changed, publicKey)).toBe(false);
  });

  it('fails with another key, and with a garbled signature, without throwing', () => {
    const other = generateKeyPairSync('ed25519');
    const signed = signCheckpoint(body, privateKey);
    expect(checkpointSignatureValid(signed, other.publicKey)).toBe(false);
    expect(checkpointSignatureValid({ ...signed, signature: 'not base64 at all!' }, publicKey)).toBe(false);
  });

  it('names its key by a short id of the public key', () => {
    expect(keyIdOf(publicKey)).toMatch(/^[0-9a-f]{16}$/);
    expect(keyIdOf(generateKeyPairSync('ed25519').publicKey)).not.toBe(keyIdOf(publicKey));
  });
});
