import { cpus, totalmem, release, platform } from 'node:os';
import Database from 'better-sqlite3';

export function describeMachine(size: string): Record<string, unknown> {
  const probe = new Database(':memory:');
  const sqlite = (probe.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  probe.close();
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`,
    node: process.version,
    sqlite: `better-sqlite3 (SQLite ${sqlite})`,
    size,
    date: new Date().toISOString(),
  };
}
