import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DomainError, parseSlaPolicy, parseWorkingCalendar, SlaPolicyValidationError } from '#casetrail/domain';
import type { SlaPolicy, WorkingCalendar } from '#casetrail/domain';

/** The SLA policy versions this process knows; a case keeps the version recorded on its report. */
export interface SlaPolicyRegistry {
  /** The version new cases are reported under. */
  readonly defaultVersion: string;
  readonly versions: readonly string[];
  /** Throws `SLA.UNKNOWN_POLICY` for a version that was not loaded. */
  get(version: string): SlaPolicy;
}

export interface SlaPolicyLoaderOptions {
  /** The policies folder, holding `sla/*.json` and `calendars/*.json`; default `<repo>/policies`. */
  readonly directory?: string;
  readonly defaultVersion?: string;
}

export const DEFAULT_SLA_POLICY_VERSION = 'standard-v1';

/** A policy file that cannot be used, naming the file and the field to fix. */
export class PolicyFileError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${file}: ${field}: ${problem}`);
    this.name = 'PolicyFileError';
  }
}

/**
 * `<repo>/policies`, found from this module's own location so it works from the sources
 * (`libs/policies/src/sla/`, four levels below the repo) and from the build
 * (`dist/libs/policies/src/sla/`, one more).
 */
export const defaultPoliciesDirectory = (moduleUrl: string = import.meta.url): string => {
  const fourUp = resolve(dirname(fileURLToPath(moduleUrl)), '../../../..');
  return join(basename(fourUp) === 'dist' ? dirname(fourUp) : fourUp, 'policies');
};

const readJsonFiles = (folder: string): { file: string; json: unknown }[] => {
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => name.endsWith('.json')).sort();
  } catch (error) {
    throw new PolicyFileError(folder, '(folder)', `cannot be read: ${(error as Error).message}`);
  }
  return names.map((name) => {
    const file = join(folder, name);
    try {
      return { file, json: JSON.parse(readFileSync(file, 'utf8')) as unknown };
    } catch (error) {
      throw new PolicyFileError(file, '(file)', `is not valid JSON: ${(error as Error).message}`);
    }
  });
};

/** Runs a domain parser on one file's JSON, turning its field errors into errors naming the file. */
const parseFile = <T extends { readonly id?: string; readonly version?: string }>(file: string, json: unknown, parse: (json: unknown) => T): T => {
  let parsed: T;
  try {
    parsed = parse(json);
  } catch (error) {
    if (error instanceof SlaPolicyValidationError) throw new PolicyFileError(file, error.field, error.problem);
    throw error;
  }
  const name = parsed.version === undefined ? 'id' : 'version';
  // The file name is how people find a policy: it must say what the file holds.
  if (basename(file, '.json') !== (parsed.version ?? parsed.id)) throw new PolicyFileError(file, name, `must match the file name "${basename(file, '.json')}"`);
  return parsed;
};

/** Reads and validates every calendar and SLA policy file; throws `PolicyFileError` on the first bad one. */
export const loadSlaPolicyRegistry = (options: SlaPolicyLoaderOptions = {}): SlaPolicyRegistry => {
  const directory = options.directory ?? defaultPoliciesDirectory();
  const calendars = new Map<string, WorkingCalendar>();
  for (const { file, json } of readJsonFiles(join(directory, 'calendars'))) {
    const calendar = parseFile(file, json, parseWorkingCalendar);
    calendars.set(calendar.id, calendar);
  }
  const policies = new Map<string, SlaPolicy>();
  for (const { file, json } of readJsonFiles(join(directory, 'sla'))) {
    const policy = parseFile(file, json, (doc) => parseSlaPolicy(doc, calendars));
    policies.set(policy.version, policy);
  }
  const defaultVersion = options.defaultVersion ?? DEFAULT_SLA_POLICY_VERSION;
  if (!policies.has(defaultVersion)) {
    throw new PolicyFileError(join(directory, 'sla'), 'defaultVersion', `no policy file for "${defaultVersion}" (found: ${[...policies.keys()].join(', ') || 'none'})`);
  }
  return {
    defaultVersion,
    versions: [...policies.keys()],
    get(version: string): SlaPolicy {
      const policy = policies.get(version);
      if (!policy) throw new DomainError('SLA.UNKNOWN_POLICY', 'not-found', `No SLA policy "${version}" is loaded`, { version, known: [...policies.keys()] });
      return policy;
    },
  };
};
