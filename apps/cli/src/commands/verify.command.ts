import { caseStreamId } from '#casetrail/domain';
import { verifyAllStreams, verifyStream } from '#casetrail/event-store';
import type { CliContext } from '../cli-context.js';
import { ProgressBar } from '../progress-bar.js';

/** `verify --case <id> | --all`: recompute hash chains; exits non-zero when anything does not match. */
export async function verify(ctx: CliContext, args: { caseId?: string; all?: boolean }): Promise<number> {
  if (args.caseId) {
    const records = await ctx.store.readStream(caseStreamId(args.caseId));
    if (records.length === 0) throw new Error(`No case ${args.caseId}`);
    const result = verifyStream(records);
    process.stdout.write(`${JSON.stringify({ caseId: args.caseId, ...result })}\n`);
    return result.valid ? 0 : 1;
  }
  const head = await ctx.store.headPosition();
  const bar = new ProgressBar('verify'.padEnd(14), head);
  const result = await verifyAllStreams(ctx.store, { onPage: (upTo) => bar.update(upTo) });
  bar.finish(result.checkedUpTo);
  // Only the streams that fail are listed: a year of cases is a million streams.
  const invalid = result.streams.filter((s) => !s.valid);
  process.stdout.write(`${JSON.stringify({ valid: result.valid, totals: result.totals, checkedUpTo: result.checkedUpTo, invalid }, null, 2)}\n`);
  return result.valid ? 0 : 1;
}
