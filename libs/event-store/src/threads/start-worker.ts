import { Worker, type WorkerOptions } from 'node:worker_threads';

/** Whether `url` is a TypeScript module, i.e. casetrail runs from its sources (tests, `npm run cli`). */
export const runsFromSource = (url: URL | string): boolean => (typeof url === 'string' ? new URL(url) : url).pathname.endsWith('.ts');

/** The entry `<name>.js` beside the module at `moduleUrl`, or `<name>.ts` when that module is itself a `.ts` file. */
export const workerEntry = (moduleUrl: string, name: string): URL => new URL(`./${name}.${runsFromSource(moduleUrl) ? 'ts' : 'js'}`, moduleUrl);

/**
 * Starts a worker thread on `entry`; a TypeScript entry is started through tsx, with the source
 * condition the workspace's packages resolve their sources by.
 */
export function startWorker(entry: URL, options: WorkerOptions = {}): Worker {
  if (!runsFromSource(entry)) return new Worker(entry, options);
  return new Worker(new URL('./run-from-source.mjs', import.meta.url), {
    ...options,
    workerData: { ...options.workerData, entry: entry.href },
    execArgv: ['--conditions=source'],
  });
}
