import type { LoggerService } from '@nestjs/common';
import type { LogLevel } from '../config/app-config.js';

const SEVERITY: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };

export interface JsonLoggerOptions {
  readonly level?: LogLevel;
  /** Where each line goes; stdout by default, a collector in tests. */
  readonly write?: (line: string) => void;
  /** The clock, injectable so tests can pin `time`. */
  readonly now?: () => Date;
}

type Fields = Record<string, unknown>;

/**
 * A Nest `LoggerService` writing one JSON object per line (`time`, `level`, `context`, `msg`,
 * then any extra fields), so log shippers need no parsing rules. A message given as a plain
 * object is spread into the line: `logger.log({ msg: 'request completed', status: 200 }, 'Http')`.
 */
export class JsonLogger implements LoggerService {
  private readonly threshold: number;
  private readonly write: (line: string) => void;
  private readonly now: () => Date;

  constructor(options: JsonLoggerOptions = {}) {
    this.threshold = SEVERITY[options.level ?? 'info'];
    this.write = options.write ?? ((line) => process.stdout.write(line));
    this.now = options.now ?? (() => new Date());
  }

  isEnabled(level: LogLevel): boolean {
    return SEVERITY[level] <= this.threshold;
  }

  /** Writes one line; the other methods map Nest's calling conventions onto it. */
  emit(level: LogLevel, msg: unknown, context?: string, extra: Fields = {}): void {
    if (!this.isEnabled(level)) return;
    const fields = msg !== null && typeof msg === 'object' && !(msg instanceof Error) ? (msg as Fields) : { msg };
    const entry: Fields = { time: this.now().toISOString(), level, ...(context ? { context } : {}), ...fields, ...extra };
    if (msg instanceof Error) {
      entry.msg = msg.message;
      entry.stack ??= msg.stack;
    }
    this.write(`${safeStringify(entry)}\n`);
  }

  log(message: unknown, ...params: unknown[]): void {
    this.emit('info', message, contextOf(params));
  }

  /** Nest calls `error(message, stack?, context?)`; a lone extra string is the context. */
  error(message: unknown, ...params: unknown[]): void {
    const context = contextOf(params);
    const rest = context === undefined ? params : params.slice(0, -1);
    const stack = rest.find((p): p is string => typeof p === 'string');
    this.emit('error', message, context, stack ? { stack } : {});
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.error(message, ...params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.emit('warn', message, contextOf(params));
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.emit('debug', message, contextOf(params));
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.emit('debug', message, contextOf(params));
  }
}

const contextOf = (params: unknown[]): string | undefined => {
  const last = params.at(-1);
  return typeof last === 'string' ? last : undefined;
};

/** A log call must never throw: cycles and BigInts would make `JSON.stringify` do so. */
function safeStringify(entry: Fields): string {
  try {
    return JSON.stringify(entry, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
  } catch {
    return JSON.stringify({ time: entry.time, level: entry.level, context: entry.context, msg: String(entry.msg) });
  }
}
