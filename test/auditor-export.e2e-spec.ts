import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_STORE } from '#casetrail/application';
import { SqliteEventStore, type EventStore } from '#casetrail/event-store';
import { CheckpointWriterHost } from '../apps/projector/src/checkpoints/checkpoint-writer.host.js';
import { appendGenerated } from '../bench/generator/append-generated.js';
import { generateCases, type GeneratedCase } from '../bench/generator/case-generator.js';
import { runCli } from './support/cli-process.js';
import { makeDataDir, startTestApp } from './support/test-app.js';

process.env['CASETRAIL_CHECKPOINT_EVERY_EVENTS'] = '50';

/** An auditor gets one case as JSON Lines and checks it away from the service, with no data folder. */
describe('the auditor export of a case', () => {
  const dataDir = makeDataDir();
  const file = join(dataDir, 'case.jsonl');
  let chosen: GeneratedCase;

  beforeAll(async () => {
    const store = SqliteEventStore.open(join(dataDir, 'events.sqlite'), { clock: { now: () => Date.now() } });
    const cases = [...generateCases(30, { seed: 5, start: Date.parse('2026-09-01T00:00:00Z'), spanDays: 30 })];
    for (const generated of cases) await appendGenerated(store, generated);
    await store.close();
    chosen = cases.slice(4).find((c) => c.events.length >= 6)!;
    const app = await startTestApp(dataDir);
    // More events of the chosen case after others, so it spans several checkpoints.
    for (let i = 0; i < 3; i++) {
      for (const other of cases.slice(0, 4)) await app.http.post('agent', `/v1/cases/${other.caseId}/progress-updates`, { kind: 'progress', channel: 'sms', message: `batch ${i}` });
      await app.http.post('agent', `/v1/cases/${chosen.caseId}/progress-updates`, { kind: 'progress', channel: 'email', message: `auditor-visible ${i}` });
    }
    const head = await app.app.get<EventStore>(EVENT_STORE).headPosition();
    await app.app.get(CheckpointWriterHost, { strict: false }).running!.waitFor(head);
    await app.close();
  }, 120_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const verifyFile = (path: string) => runCli(['verify-export', path], join(dataDir, 'no-data-folder-needed'));

  it('exports the case and verifies offline', async () => {
    const exported = await runCli(['export', '--case', chosen.caseId, '--out', file], dataDir);
    expect(exported.code).toBe(0);
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ kind: 'header', format: 'casetrail-case-export', version: 1, caseId: chosen.caseId });
    expect(lines[0].publicKey).toMatch(/BEGIN PUBLIC KEY/);
    expect(lines.filter((l) => l.kind === 'event')).toHaveLength(chosen.events.length + 3);
    expect(lines.filter((l) => l.kind === 'checkpoint' && l.covering)).toHaveLength(1);
    const run = await verifyFile(file);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ valid: true, caseId: chosen.caseId, failures: [] });
  }, 60_000);

  it('verifies with the public key the operator handed over', async () => {
    const run = await runCli(['verify-export', file, '--public-key', join(dataDir, 'checkpoint-key.pub.pem')], dataDir);
    expect(run.code).toBe(0);
  }, 60_000);

  /** Changes exactly one byte of the export: the character right after `after` in the first line matching. */
  function withOneByteChanged(name: string, line: (l: string) => boolean, after: RegExp): string {
    const lines = readFileSync(file, 'utf8').split('\n');
    const index = lines.findIndex(line);
    const match = after.exec(lines[index]!)!;
    const offset = match.index + match[0].length;
    const replacement = lines[index]![offset] === 'a' ? 'b' : 'a';
    lines[index] = lines[index]!.slice(0, offset) + replacement + lines[index]!.slice(offset + 1);
    const changed = join(dataDir, `${name}.jsonl`);
    writeFileSync(changed, lines.join('\n'));
    return changed;
  }

  it.each([
    ['event-message', 'a letter of an event’s message', (l: string) => l.includes('auditor-visible 1'), /auditor-visible /, /event revision \d+ \(position \d+\): the hash does not match the event's content/],
    ['event-type', 'a letter of an event’s type', (l: string) => l.includes('"kind":"event"') && l.includes('"revision":1,'), /"type":"/, /event revision 1 \(position \d+\): the hash does not match/],
    ['digest', 'a digit of the covering checkpoint’s digest', (l: string) => l.includes('"covering":true'), /"digest":"/, /checkpoint \d+ \(position \d+\): the signature does not verify[\s\S]*segment for checkpoint \d+: the running digest does not reach/],
    ['signature', 'a character of the covering checkpoint’s signature', (l: string) => l.includes('"covering":true'), /"signature":"/, /checkpoint \d+ \(position \d+\): the signature does not verify/],
    ['segment', 'a hash linking the case to its checkpoint', (l: string) => l.includes('"kind":"segment"'), /"entries":\[\[\d+,"/, /segment for checkpoint \d+: the hash at position \d+ is not the case event's hash/],
    ['syntax', 'its opening brace, so the line is no longer JSON', (l: string) => l.includes('"kind":"checkpoint"'), /^/, /line \d+ is not valid JSON/],
  ])('fails naming what changed: %s', async (name, _what, line, after, failure) => {
    const run = await verifyFile(withOneByteChanged(name, line, after));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(failure);
  }, 60_000);
});
