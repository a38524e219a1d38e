import { parseArgs } from 'node:util';
import { openCliContext } from './cli-context.js';
import { digest } from './commands/digest.command.js';
import { exportCase } from './commands/export.command.js';
import { rebuild } from './commands/rebuild.command.js';
import { replay } from './commands/replay.command.js';
import { verify } from './commands/verify.command.js';
import { verifyExport } from './commands/verify-export.command.js';

const USAGE = `casetrail operator commands (embedded profile; the data folder is CASETRAIL_DATA_DIR, default ./data)

  rebuild [--projection <name>]       rebuild read models from position 0, then print their digest
          [--threads 1|2]             the whole embedded file on two threads unless 1 (2: 10-20 % faster at size M, ~65 MB more memory)
  digest  [--projection <name>]       print the digest of the read-model tables as they are
  replay  <caseId> [--as-of <time>]   print a case's timeline with its state and SLA clocks
  verify  --case <id> | --all         recompute hash chains (--all: and the signed checkpoints); exit 1 when anything does not match
          [--public-key <file>]       the checkpoint public key to trust (default: <data>/checkpoint-key.pub.pem)
  export  --case <id> [--out <file>]  the case's events, checkpoints and linking hashes as JSON Lines, for auditors
  verify-export <file> [--public-key <file>]   check an export offline (no data folder needed); exit 1 on any failure
`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      projection: { type: 'string' },
      'batch-size': { type: 'string' },
      threads: { type: 'string' },
      'as-of': { type: 'string' },
      case: { type: 'string' },
      all: { type: 'boolean' },
      out: { type: 'string' },
      'public-key': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  // An auditor verifies an export away from the service: no data folder is opened.
  if (command === 'verify-export') {
    if (!rest[0]) throw new Error('verify-export needs a file');
    return verifyExport({ file: rest[0], publicKey: values['public-key'] });
  }
  const ctx = openCliContext();
  try {
    switch (command) {
      case 'rebuild':
        await rebuild(ctx, {
          projection: values.projection,
          batchSize: values['batch-size'] ? Number(values['batch-size']) : undefined,
          threads: values.threads ? Number(values.threads) : undefined,
        });
        return 0;
      case 'digest':
        await digest(ctx, { projection: values.projection });
        return 0;
      case 'replay':
        if (!rest[0]) throw new Error('replay needs a case id');
        return await replay(ctx, { caseId: rest[0], asOf: values['as-of'] });
      case 'verify':
        if (!values.case && !values.all) throw new Error('verify needs --case <id> or --all');
        return await verify(ctx, { caseId: values.case, all: values.all, publicKey: values['public-key'] });
      case 'export':
        if (!values.case) throw new Error('export needs --case <id>');
        return await exportCase(ctx, { caseId: values.case, out: values.out });
      default:
        throw new Error(`Unknown command "${command}"\n\n${USAGE}`);
    }
  } finally {
    await ctx.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
