import type { CaseEventType } from '../../service-case/events.js';
import { COMPLAINT_SEVERITIES, COMPLEXITIES, HOLD_REASONS, PRIORITIES, REGION_CLASSES } from '../../service-case/vocabulary.js';
import { SLA_UNITS } from '../calendar/sla-duration.types.js';
import type { WorkingCalendar } from '../calendar/working-calendar.types.js';
import { fail, readArray, readBoolean, readObject, readOneOf, readOptional, readPositiveNumber, readString } from './json-fields.reader.js';
import type { SlaClockDefinition, SlaPolicy, SlaStopTrigger, SlaTargetCondition, SlaTargetRule, SlaTrigger } from './sla-policy.types.js';

/** Every case event type; a `Record` so the compiler flags a new event missing here. */
const EVENT_TYPES: Record<CaseEventType, true> = {
  CaseReported: true, CustomerContacted: true, TechnicianDispatched: true, TechnicianArrived: true, CaseOnHold: true,
  CaseResumed: true, RepairCompleted: true, RepairAccepted: true, RepairRejected: true, SurveyCompleted: true,
  ProgressUpdateSent: true, LoanerIssued: true, LoanerReturned: true, CaseCancelled: true, ComplaintFiled: true,
  ComplaintAcknowledged: true, ComplaintResolved: true, ComplaintReopened: true,
};
const ALL_EVENTS = Object.keys(EVENT_TYPES) as CaseEventType[];
const COMPLAINT_EVENTS: readonly CaseEventType[] = ['ComplaintFiled', 'ComplaintAcknowledged', 'ComplaintResolved', 'ComplaintReopened'];
const CLOCK_KEYS = ['scope', 'description', 'startsOn', 'stopsOn', 'notApplicableOn', 'reopensOn', 'restartsOn', 'unit', 'targets', 'pausedBy'];
const TRIGGER_LISTS = ['startsOn', 'stopsOn', 'notApplicableOn', 'reopensOn', 'restartsOn'] as const;

const readWhere = (value: unknown, field: string): Readonly<Record<string, string | number | boolean>> => {
  const where = readObject(value, field, Object.keys(value ?? {}));
  for (const [key, v] of Object.entries(where)) {
    if (!['string', 'number', 'boolean'].includes(typeof v)) fail(`${field}.${key}`, 'must be a string, number or boolean');
  }
  return where as Readonly<Record<string, string | number | boolean>>;
};

const triggerReader =
  (events: readonly CaseEventType[], stop: boolean) =>
  (value: unknown, field: string): SlaStopTrigger => {
    const trigger = readObject(value, field, stop ? ['event', 'where', 'whenMet'] : ['event', 'where']);
    const where = readOptional(trigger['where'], `${field}.where`, readWhere);
    const whenMet = readOptional(trigger['whenMet'], `${field}.whenMet`, (v, f) => readOneOf(v, f, ['not-applicable'] as const));
    return { event: readOneOf(trigger['event'], `${field}.event`, events), ...(where ? { where } : {}), ...(whenMet ? { whenMet } : {}) };
  };

const conditionReader =
  (complaintScope: boolean) =>
  (value: unknown, field: string): SlaTargetCondition => {
    const when = readObject(value, field, complaintScope ? ['severity'] : ['priority', 'region', 'complexity']);
    const read = <T extends string>(key: string, allowed: readonly T[]) => readOptional(when[key], `${field}.${key}`, (v, f) => readOneOf(v, f, allowed));
    const condition = {
      priority: read('priority', PRIORITIES),
      region: read('region', REGION_CLASSES),
      complexity: read('complexity', COMPLEXITIES),
      severity: read('severity', COMPLAINT_SEVERITIES),
    };
    return Object.fromEntries(Object.entries(condition).filter(([, v]) => v !== undefined));
  };

const targetReader =
  (complaintScope: boolean) =>
  (value: unknown, field: string): SlaTargetRule => {
    const rule = readObject(value, field, ['when', 'value', 'unit', 'bestEffort']);
    const when = readOptional(rule['when'], `${field}.when`, conditionReader(complaintScope));
    const unit = readOptional(rule['unit'], `${field}.unit`, (v, f) => readOneOf(v, f, SLA_UNITS));
    const bestEffort = readOptional(rule['bestEffort'], `${field}.bestEffort`, readBoolean);
    return { ...(when ? { when } : {}), value: readPositiveNumber(rule['value'], `${field}.value`), ...(unit ? { unit } : {}), ...(bestEffort ? { bestEffort } : {}) };
  };

const readClock = (value: unknown, field: string): SlaClockDefinition => {
  const clock = readObject(value, field, CLOCK_KEYS);
  const scope = readOptional(clock['scope'], `${field}.scope`, (v, f) => readOneOf(v, f, ['case', 'complaint'] as const)) ?? 'case';
  const events = scope === 'complaint' ? COMPLAINT_EVENTS : ALL_EVENTS;
  const [startsOn, stopsOn, notApplicableOn, reopensOn, restartsOn] = TRIGGER_LISTS.map((list) =>
    readArray(clock[list] ?? [], `${field}.${list}`, triggerReader(events, list === 'stopsOn'), { nonEmpty: list === 'startsOn' || list === 'stopsOn' }),
  ) as [SlaTrigger[], SlaStopTrigger[], SlaTrigger[], SlaTrigger[], SlaTrigger[]];
  const targets = readArray(clock['targets'], `${field}.targets`, targetReader(scope === 'complaint'), { nonEmpty: true });
  if (targets.at(-1)?.when) fail(`${field}.targets`, 'the last row must have no "when", so every case gets a target');
  const description = readOptional(clock['description'], `${field}.description`, readString);
  return {
    scope,
    ...(description ? { description } : {}),
    startsOn,
    stopsOn,
    notApplicableOn,
    reopensOn,
    restartsOn,
    unit: readOneOf(clock['unit'], `${field}.unit`, SLA_UNITS),
    targets,
    pausedBy: readArray(clock['pausedBy'] ?? [], `${field}.pausedBy`, (v, f) => readOneOf(v, f, HOLD_REASONS)),
  };
};

/** Reads a policy file's JSON; `calendar` names a calendar by id, resolved from `calendars`. */
export const parseSlaPolicy = (json: unknown, calendars: ReadonlyMap<string, WorkingCalendar>): SlaPolicy => {
  const doc = readObject(json, 'policy', ['version', 'description', 'calendar', 'atRiskRatio', 'clocks']);
  const calendarId = readString(doc['calendar'], 'calendar');
  const calendar = calendars.get(calendarId) ?? fail('calendar', `no calendar with id "${calendarId}" (known: ${[...calendars.keys()].join(', ') || 'none'})`);
  const atRiskRatio = readOptional(doc['atRiskRatio'], 'atRiskRatio', readPositiveNumber) ?? 0.8;
  if (atRiskRatio > 1) fail('atRiskRatio', 'must be at most 1');
  const clocksJson = readObject(doc['clocks'], 'clocks', Object.keys(doc['clocks'] ?? {}));
  const clocks: Record<string, SlaClockDefinition> = {};
  for (const [name, clock] of Object.entries(clocksJson)) {
    if (!/^[a-z][A-Za-z0-9]*$/.test(name)) fail(`clocks.${name}`, 'a clock name must be camelCase');
    clocks[name] = readClock(clock, `clocks.${name}`);
  }
  const description = readOptional(doc['description'], 'description', readString);
  return { version: readString(doc['version'], 'version', /^[a-z0-9][a-z0-9.-]*$/), ...(description ? { description } : {}), calendar, atRiskRatio, clocks };
};
