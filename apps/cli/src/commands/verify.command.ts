import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { caseStreamId } from '#casetrail/domain';
import { EventRowReader, readPublicKey, verifyStoreWithCheckpoints, verifyStream } from '#casetrail/event-store';
import type { CliContext } from '../cli-context.js';
import { ProgressBar } from '../progress-bar.js';

/**
 * `verify --case <id> | --all [--public-key <file>]`: recompute hash chains; `--all` also recomputes
 * the running digest and checks every signed checkpoint. Exits non-zero when anything does not match.
 */
export async function verify(ctx: CliContext, args: { caseId?: string; all?: boolean; publicKey?: string }): Promise<number> {
  if (args.caseId) {
    const records = await ctx.store.readStream(caseStreamId(args.caseId), { storedJson: true });
    if (records.length === 0) throw new Error(`No case ${args.caseId}`);
    const result = verifyStream(records);
    process.stdout.write(`${JSON.stringify({ caseId: args.caseId, ...result })}\n`);
    return result.valid ? 0 : 1;
  }
  const keyFile = args.publicKey ?? ctx.publicKeyFile;
  const publicKey = existsSync(keyFile) ? readPublicKey(readFileSync(keyFile, 'utf8')) : null;
  const checkpoints = ctx.checkpoints()?.all() ?? [];
  const head = await ctx.store.headPosition();
  const bar = new ProgressBar('verify'.padEnd(14), head);
  // Rows are read raw, so one whose JSON an editor broke is reported by stream and revision, not a crash.
  const db = new Database(ctx.eventsFile, { readonly: true, fileMustExist: true });
  const reader = new EventRowReader(db);
  try {
    const result = await verifyStoreWithCheckpoints(reader, checkpoints, publicKey, { gapFree: true, onPage: (upTo) => bar.update(upTo) });
    bar.finish(result.chains.checkedUpTo);
    process.stderr.write(`checkpoints: ${result.checkpoints.summary}\n`);
    // Only the streams that fail are listed: a year of cases is a million streams.
    const invalid = result.chains.streams.filter((s) => !s.valid);
    const { totals, checkedUpTo } = result.chains;
    const report = { valid: result.valid, totals, checkedUpTo, invalid, unreadable: reader.unreadable, checkpoints: result.checkpoints };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return result.valid ? 0 : 1;
  } finally {
    db.close();
  }
}
