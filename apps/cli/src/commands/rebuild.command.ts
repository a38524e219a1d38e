import { ALL_PROJECTIONS, digestProjection, rebuildProjections, rebuildReadModelFile, type Projection, type RebuildProgress } from '#casetrail/read-models';
import type { CliContext } from '../cli-context.js';
import { ProgressBar } from '../progress-bar.js';
import { printDigests } from './digest.command.js';
import { rebuildThreads } from './rebuild-threads.js';

/**
 * `rebuild [--projection <name>] [--threads 1|2]`: every (or one) projection from position 0 in one
 * pass over the log, then the digest of the rebuilt tables. Stop the service first: a live
 * projector would write the same tables. Every projection on the embedded file is rebuilt into a
 * new file that replaces the old one when complete, on two threads unless `--threads 1` is given
 * (`rebuildThreads`); one projection, or PostgreSQL, is rebuilt in place on one.
 */
export async function rebuild(ctx: CliContext, args: { projection?: string; batchSize?: number; threads?: number }): Promise<void> {
  const projections = select(args.projection);
  const whole = args.projection === undefined && ctx.readModels.kind === 'sqlite';
  const threads = rebuildThreads(args.threads, whole);
  const head = await ctx.store.headPosition();
  const bar = new ProgressBar((args.projection ?? 'all projections').padEnd(15), head);
  let done = 0;
  const onProgress = (p: RebuildProgress): void => bar.update((done = p.events));
  if (whole) {
    // Before `ctx.db()`: no connection of this process may hold the file being replaced.
    await rebuildReadModelFile(ctx.store, ctx.readModels.file, onProgress, {
      batchSize: args.batchSize,
      ...(threads === 2 ? { eventsFile: ctx.eventsFile } : {}),
    });
  } else {
    await rebuildProjections(ctx.store, await ctx.db(), projections, onProgress, { batchSize: args.batchSize });
  }
  bar.finish(done);
  const db = await ctx.db();
  const digests = [];
  for (const projection of projections) digests.push(...(await digestProjection(db, projection)));
  printDigests(digests);
}

export function select(name: string | undefined): readonly Projection[] {
  if (name === undefined) return ALL_PROJECTIONS;
  const found = ALL_PROJECTIONS.filter((p) => p.name === name);
  if (found.length === 0) throw new Error(`No projection "${name}"; known: ${ALL_PROJECTIONS.map((p) => p.name).join(', ')}`);
  return found;
}
