import { startServer, type RunningServer } from '../lib/server.js';
import { tempDir } from '../lib/temp-dir.js';

/**
 * Runs `work` against each side twice, alternating A, B, A, B on fresh, empty data folders (or on
 * `dataDir`, e.g. a bench data set, which the runs then grow), so a slow moment of the machine hits
 * both alike. A side is a checkout with a built `dist/`, optionally followed by settings for its
 * server: `/repo,CASETRAIL_PROJECTIONS=inline`.
 */
export async function alternateSides(
  sides: readonly string[],
  work: (server: RunningServer, round: number, side: string) => Promise<void>,
  dataDir?: string,
): Promise<void> {
  for (const round of [1, 2]) {
    for (const side of sides) {
      const [root, ...settings] = side.split(',');
      const env = Object.fromEntries(settings.map((s) => [s.slice(0, s.indexOf('=')), s.slice(s.indexOf('=') + 1)]));
      const temp = dataDir ? null : tempDir('sides');
      const server = await startServer(dataDir ?? temp!.dir, [], root, env);
      try {
        await work(server, round, side);
      } finally {
        await server.stop();
        temp?.remove();
      }
    }
  }
}
