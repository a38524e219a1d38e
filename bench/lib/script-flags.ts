import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The runtime flags an npm script of `root`'s package.json runs node with, its V8 heap limits
 * (`--max-…`) and the V8 platform's thread pool (`--v8-pool-size`): the bench starts the server as
 * `npm start` does and the rebuild as `npm run cli` does.
 */
export function runtimeFlagsOf(root: string, script: 'start' | 'cli'): string[] {
  const command = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts[script] ?? '';
  return command.split(/\s+/).filter((word) => word.startsWith('--max-') || word.startsWith('--v8-pool-size='));
}
