import { startServer, type RunningServer } from '../lib/server.js';
import { tempDir } from '../lib/temp-dir.js';

/**
 * Runs `work` against each side twice, alternating A, B, A, B on fresh, empty data folders, so a
 * slow moment of the machine hits both alike. A side is a checkout with a built `dist/`,
 * optionally followed by settings for its server: `/repo,CASETRAIL_PROJECTIONS=inline`.
 */
export async function alternateSides(sides: readonly string[], work: (server: RunningServer, round: number, side: string) => Promise<void>): Promise<void> {
  for (const round of [1, 2]) {
    for (const side of sides) {
      const [root, ...settings] = side.split(',');
      const env = Object.fromEntries(settings.map((s) => [s.slice(0, s.indexOf('=')), s.slice(s.indexOf('=') + 1)]));
      const temp = tempDir('sides');
      const server = await startServer(temp.dir, [], root, env);
      try {
        await work(server, round, side);
      } finally {
        await server.stop();
        temp.remove();
      }
    }
  }
}
