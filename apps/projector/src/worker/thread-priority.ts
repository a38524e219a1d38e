import { getPriority, setPriority } from 'node:os';

/** The highest nice value Linux gives a thread: the lowest priority. */
const LOWEST = 19;

/**
 * Lowers the calling thread's priority by `levels` nice levels (capped at 19), and returns the nice
 * value it now runs at, or null where nothing was changed. On Linux a nice value belongs to a
 * thread: setpriority(2) with who = 0, which `os.setPriority(0, …)` calls, changes the calling
 * thread only. Elsewhere the same call changes the whole process, the API's thread with it, so
 * there nothing is changed. Lowering a priority needs no privilege.
 */
export function lowerThisThreadPriority(levels: number, platform: NodeJS.Platform = process.platform): number | null {
  if (levels <= 0 || platform !== 'linux') return null;
  const nice = Math.min(LOWEST, getPriority(0) + levels);
  setPriority(0, nice);
  return nice;
}
