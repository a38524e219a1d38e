/**
 * The HTTP platform's own cost, under W3's saturation load: `node --conditions=source --import tsx
 * bench/tools/platform-floor.ts [runs] [seconds]` (a measurement only, never part of the bench).
 * A copy of the built server answers every case command as soon as the platform has handled it
 * (Fastify, Nest's routing, bearer auth, the validation pipe, problem+json, request logging) and
 * executes nothing: no idempotency look-up, no domain decision, no append, nothing to project.
 * Between W3's floor (a bare `node:http` server) and casetrail, it shows which share of a command's
 * CPU the chosen stack takes before casetrail's own work begins. W3's reads then ask for cases that
 * do not exist and are answered 404.
 */
import { cpSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuMsOf, startServer } from '../lib/server.js';
import { tempDir } from '../lib/temp-dir.js';
import { load, openCases } from '../workloads/w3-http.js';

const runs = Number(process.argv[2] ?? 3);
const seconds = Number(process.argv[3] ?? 8);
const repo = fileURLToPath(new URL('../../', import.meta.url));

/** The one line of the built command sender that executes the command. */
const EXECUTE = 'const result = await this.metrics.timeCommand(input.type, () => this.bus.execute(new ExecuteCaseCommand(input, ctx.request)));';
const ANSWER = 'const result = { caseId: input.caseId, revision: 0, position: 0 };';

const build = tempDir('platform-floor-build');
const data = tempDir('platform-floor-data');
try {
  for (const entry of ['dist', 'policies', 'package.json']) cpSync(join(repo, entry), join(build.dir, entry), { recursive: true });
  symlinkSync(join(repo, 'node_modules'), join(build.dir, 'node_modules'));
  const sender = join(build.dir, 'dist/apps/api/src/cases/shared/case-command-sender.js');
  const source = readFileSync(sender, 'utf8');
  if (!source.includes(EXECUTE)) throw new Error(`${sender} no longer holds the line this tool replaces; update EXECUTE`);
  writeFileSync(sender, source.replace(EXECUTE, ANSWER));

  const server = await startServer(data.dir, [], build.dir);
  try {
    await server.settle();
    const cases = await openCases(server);
    for (let run = 1; run <= runs; run += 1) {
      const before = cpuMsOf(`/proc/${server.pid}/stat`);
      const result = await load(server, cases, seconds, null);
      const usPerCommand = ((cpuMsOf(`/proc/${server.pid}/stat`) - before) * 1000) / (result.commandsPerSecond * seconds);
      console.log(`run ${run}: ${result.commandsPerSecond.toFixed(0)} commands/s, server CPU ${usPerCommand.toFixed(0)} µs per command (reads included), generator ${result.generatorCpuUsPerRequest.toFixed(0)} µs per request`);
    }
  } finally {
    await server.stop();
  }
} finally {
  build.remove();
  data.remove();
}
