import { readFileSync } from 'node:fs';
import { verifyCaseExport } from '#casetrail/event-store';

/**
 * `verify-export <file> [--public-key <file>]`: checks an auditor export offline, with no data
 * folder. Without `--public-key` it trusts the key inside the file, and says so.
 */
export function verifyExport(args: { file: string; publicKey?: string }): number {
  const trusted = args.publicKey ? readFileSync(args.publicKey, 'utf8') : undefined;
  const result = verifyCaseExport(readFileSync(args.file, 'utf8'), trusted);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  if (!trusted) process.stderr.write('verify-export: checked against the public key inside the file; pass --public-key to use one you trust\n');
  for (const failure of result.failures) process.stderr.write(`FAILED: ${failure}\n`);
  if (result.valid) process.stderr.write(`OK: case ${result.caseId}, ${result.events} events, covered by checkpoint ${result.covering!.seq} (position ${result.covering!.position})\n`);
  return result.valid ? 0 : 1;
}
