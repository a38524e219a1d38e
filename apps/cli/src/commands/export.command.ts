import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { caseStreamId } from '#casetrail/domain';
import { buildCaseExport, ExportNotCoveredError, keyIdOf, readPublicKey } from '#casetrail/event-store';
import type { CliContext } from '../cli-context.js';

/**
 * `export --case <id> [--out <file>]`: the case's events as stored, with the signed checkpoints and
 * the hashes that link them, as JSON Lines an auditor verifies offline (`verify-export`).
 */
export async function exportCase(ctx: CliContext, args: { caseId: string; out?: string }): Promise<number> {
  const streamId = caseStreamId(args.caseId);
  const events = await ctx.store.readStream(streamId);
  if (events.length === 0) throw new Error(`No case ${args.caseId}`);
  const checkpoints = ctx.checkpoints();
  if (!checkpoints || !existsSync(ctx.publicKeyFile)) {
    process.stderr.write(`export: no signed checkpoints in ${ctx.dataDir}; the service writes them while it runs\n`);
    return 1;
  }
  const publicKeyPem = readFileSync(ctx.publicKeyFile, 'utf8');
  try {
    const lines = await buildCaseExport({
      caseId: args.caseId,
      streamId,
      events,
      store: ctx.store,
      checkpoints,
      publicKeyPem,
      keyId: keyIdOf(readPublicKey(publicKeyPem)),
      exportedAt: new Date().toISOString(),
    });
    const text = lines.map((line) => JSON.stringify(line)).join('\n') + '\n';
    if (args.out) writeFileSync(args.out, text);
    else process.stdout.write(text);
    const segments = lines.filter((l) => l.kind === 'segment').length;
    process.stderr.write(`export: case ${args.caseId}, ${events.length} events, ${segments} checkpoint segment(s)${args.out ? ` → ${args.out}` : ''}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof ExportNotCoveredError)) throw error;
    process.stderr.write(`export: case ${args.caseId}: ${error.message}\n`);
    return 1;
  }
}
