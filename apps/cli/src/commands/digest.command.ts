import { digestProjection, type TableDigest } from '#casetrail/read-models';
import type { CliContext } from '../cli-context.js';
import { select } from './rebuild.command.js';

/** `digest [--projection <name>]`: the digest of the read-model tables as they are now. */
export async function digest(ctx: CliContext, args: { projection?: string }): Promise<void> {
  const db = await ctx.db();
  const digests: TableDigest[] = [];
  for (const projection of select(args.projection)) digests.push(...(await digestProjection(db, projection)));
  printDigests(digests);
}

/** One line per table, `digest <table> <rows> <sha256>`, easy for people and scripts to compare. */
export function printDigests(digests: readonly TableDigest[]): void {
  for (const d of digests) process.stdout.write(`digest ${d.table.padEnd(28)} ${String(d.rows).padStart(9)} rows  ${d.sha256}\n`);
}
