import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSlaPolicy, parseWorkingCalendar, type SlaPolicy, type WorkingCalendar } from '#casetrail/domain';

/** The SLA policy of a version recorded on `CaseReported`; throws for a version it does not know. */
export type SlaPolicyLookup = (version: string) => SlaPolicy;

/** `<repo>/policies` from the sources (`libs/read-models/src/sla/`) or the build (`dist/…`, one level deeper). */
const policiesDirectory = (): string => {
  const fourUp = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
  return join(basename(fourUp) === 'dist' ? dirname(fourUp) : fourUp, 'policies');
};

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

/**
 * The policy files the product ships, read with the domain's parsers on first use. The projection
 * cannot take the application's registry (read models sit below the application, and the CLI
 * rebuilds from `ALL_PROJECTIONS` without Nest), so it reads the same files; the application's
 * loader remains the one that validates them at start-up and names a broken file.
 */
export const shippedSlaPolicies = (directory: string = policiesDirectory()): SlaPolicyLookup => {
  let policies: Map<string, SlaPolicy> | undefined;
  const load = (): Map<string, SlaPolicy> => {
    const calendars = new Map<string, WorkingCalendar>();
    for (const name of readdirSync(join(directory, 'calendars')).filter((n) => n.endsWith('.json'))) {
      const calendar = parseWorkingCalendar(readJson(join(directory, 'calendars', name)));
      calendars.set(calendar.id, calendar);
    }
    const loaded = new Map<string, SlaPolicy>();
    for (const name of readdirSync(join(directory, 'sla')).filter((n) => n.endsWith('.json'))) {
      const policy = parseSlaPolicy(readJson(join(directory, 'sla', name)), calendars);
      loaded.set(policy.version, policy);
    }
    return loaded;
  };
  return (version) => {
    policies ??= load();
    const policy = policies.get(version);
    // Stopping loudly beats guessing: a case under an unknown policy needs its file deployed.
    if (!policy) throw new Error(`No SLA policy "${version}" in ${directory}`);
    return policy;
  };
};
