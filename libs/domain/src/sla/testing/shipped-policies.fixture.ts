import { readFileSync } from 'node:fs';
import { parseWorkingCalendar } from '../calendar/working-calendar.parser.js';
import { parseSlaPolicy } from '../policy/sla-policy.parser.js';

/**
 * Specs run against the policy files the product ships (`<repo>/policies`), read here with the
 * domain's own parsers, so the data and the engine are tested together and never drift apart.
 * Test-only: the domain itself never touches the file system.
 */
const read = (path: string): unknown => JSON.parse(readFileSync(new URL(`../../../../../policies/${path}`, import.meta.url), 'utf8'));

export const cnMainland2026 = parseWorkingCalendar(read('calendars/cn-mainland-2026.json'));

export const standardV1 = parseSlaPolicy(read('sla/standard-v1.json'), new Map([[cnMainland2026.id, cnMainland2026]]));

/** A local time in Asia/Shanghai (`2026-03-06T15:00`) as an ISO instant. */
export const cst = (local: string): string => new Date(`${local}:00+08:00`).toISOString();
