import { buildCaseExport, ExportNotCoveredError, type ExportLine } from './case-export.js';
import { verifyCaseExport } from './case-export-verifier.js';
import { CheckpointedStore } from './testing/checkpointed-store.js';

const STREAM = 'ServiceCase-s3';

describe('an auditor export of one case', () => {
  let t: CheckpointedStore;
  beforeEach(async () => {
    t = new CheckpointedStore();
    await t.append(6, 10);
    await t.runWriter({ everyEvents: 15 });
  });
  afterEach(() => t.dispose());

  const build = async (): Promise<ExportLine[]> =>
    buildCaseExport({
      caseId: 's3', streamId: STREAM, events: await t.store.readStream(STREAM), store: t.store, checkpoints: t.checkpoints,
      publicKeyPem: t.keys.publicKeyPem, keyId: t.keys.keyId, exportedAt: '2026-05-01T00:00:00.000Z',
    });
  const text = (lines: readonly unknown[]): string => lines.map((l) => JSON.stringify(l)).join('\n') + '\n';

  it('verifies offline, linked to the covering checkpoint', async () => {
    const lines = await build();
    const result = verifyCaseExport(text(lines));
    expect(result).toEqual({ valid: true, caseId: 's3', events: 10, covering: { seq: 4, position: 60 }, failures: [] });
  });

  it('carries only the hashes from each group of case events to its checkpoint, not the whole store', async () => {
    const segments = (await build()).filter((l) => l.kind === 'segment');
    expect(segments).toHaveLength(4);
    // Case events at positions 4, 10, 16 …: the first segment runs 4–15, not 1–15.
    expect(segments[0]).toMatchObject({ checkpointSeq: 1, entries: expect.arrayContaining([[4, expect.any(String)]]) });
    expect(segments.reduce((n, s) => n + (s.kind === 'segment' ? s.entries.length : 0), 0)).toBeLessThan(60);
  });

  it.each([
    ['an event’s data', (l: any) => l.kind === 'event' && l.revision === 4 && (l.data.s = 7), /event revision 4 \(position 28\): the hash does not match/],
    ['an event’s hash and the segment with it', (l: any) => l.kind === 'event' && l.revision === 9 && (l.hash = 'e'.repeat(64)), /event revision 9 .*hash does not match/],
    ['a checkpoint’s digest', (l: any) => l.kind === 'checkpoint' && l.seq === 2 && (l.digest = 'd'.repeat(64)), /checkpoint 2 \(position 30\): the signature does not verify/],
    ['a hash between the case’s events', (l: any) => l.kind === 'segment' && l.checkpointSeq === 3 && (l.entries[1][1] = 'c'.repeat(64)), /segment for checkpoint 3: the running digest does not reach/],
  ])('fails naming what changed: %s', async (_what, edit, failure) => {
    const lines = JSON.parse(JSON.stringify(await build())) as any[];
    lines.forEach(edit);
    const result = verifyCaseExport(text(lines));
    expect(result.valid).toBe(false);
    expect(result.failures.join('\n')).toMatch(failure);
  });

  it('fails with a public key other than the one the auditor trusts', async () => {
    const other = new CheckpointedStore();
    const result = verifyCaseExport(text(await build()), other.keys.publicKeyPem);
    await other.dispose();
    expect(result.failures.join('\n')).toMatch(/keyId .* is not the id of the trusted public key/);
  });

  it('refuses to export a case whose last events no checkpoint covers yet', async () => {
    await t.store.appendToStream(STREAM, [{ type: 'Tested.v1', data: {}, metadata: { eventId: 'late', commandId: 'c', correlationId: 'c', causationId: null, actor: { id: 'a', role: 'agent' }, occurredAt: '2026-05-01T00:00:00.000Z' } }], { expectedRevision: 9 });
    await expect(build()).rejects.toThrow(ExportNotCoveredError);
  });
});
