import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The V8 heap flags (`--max-…`) an npm script of `root`'s package.json runs node with: the bench
 * starts the server as `npm start` does and the rebuild as `npm run cli` does.
 */
export function heapFlagsOf(root: string, script: 'start' | 'cli'): string[] {
  const command = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts[script] ?? '';
  return command.split(/\s+/).filter((word) => word.startsWith('--max-'));
}
