/**
 * How many threads `cli rebuild` uses. The whole embedded file is rebuilt on two unless one is
 * asked for: the service is stopped during a rebuild, so its cores are free, and at size M two
 * threads were 18 % faster for ~65 MB more (250–261 MB at the peak). One projection, or
 * PostgreSQL, is rebuilt in place, on one thread only.
 */
export function rebuildThreads(requested: number | undefined, wholeEmbeddedFile: boolean): 1 | 2 {
  const threads = requested ?? (wholeEmbeddedFile ? 2 : 1);
  if (threads !== 1 && threads !== 2) throw new Error(`--threads is 1 or 2, not "${String(requested)}"`);
  if (threads === 2 && !wholeEmbeddedFile) throw new Error('--threads 2 rebuilds the whole embedded read-model file only (no --projection, not PostgreSQL)');
  return threads;
}
