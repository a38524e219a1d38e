import { parseWorkingCalendar } from '../calendar/working-calendar.parser.js';
import { cnMainland2026, standardV1 } from '../testing/shipped-policies.fixture.js';
import { SlaPolicyValidationError } from './json-fields.reader.js';
import { parseSlaPolicy } from './sla-policy.parser.js';

const calendars = new Map([['cal', parseWorkingCalendar({ id: 'cal' })]]);
const clock = { startsOn: [{ event: 'CaseReported' }], stopsOn: [{ event: 'CustomerContacted' }], unit: 'hours', targets: [{ value: 24 }] };
const policy = (overrides: object = {}, clockOverrides: object = {}) => ({
  version: 'v1',
  calendar: 'cal',
  clocks: { firstResponse: { ...clock, ...clockOverrides } },
  ...overrides,
});

const fieldOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    if (error instanceof SlaPolicyValidationError) return error.field;
    throw error;
  }
  return undefined;
};

describe('reading a working calendar', () => {
  it('fills in the defaults', () => {
    expect(parseWorkingCalendar({ id: 'x' })).toEqual({
      id: 'x',
      timeZone: 'Asia/Shanghai',
      workingWeekdays: [1, 2, 3, 4, 5],
      workingHours: { start: '09:00', end: '18:00' },
      holidays: [],
      makeUpWorkingDays: [],
    });
  });

  it.each([
    [{ id: 'x', timeZone: 'Moon/Base' }, 'timeZone'],
    [{ id: 'x', workingWeekdays: [0] }, 'workingWeekdays[0]'],
    [{ id: 'x', workingHours: { start: '18:00', end: '09:00' } }, 'workingHours'],
    [{ id: 'x', workingHours: { start: '9:00', end: '18:00' } }, 'workingHours.start'],
    [{ id: 'x', holidays: ['2026-02-30'] }, 'holidays[0]'],
    [{ id: 'x', holidays: ['2026-10-10'], makeUpWorkingDays: ['2026-10-10'] }, 'makeUpWorkingDays'],
    [{ id: 'x', holiday: [] }, 'calendar.holiday'],
    [{}, 'id'],
  ])('names the bad field in %j', (json, field) => {
    expect(fieldOf(() => parseWorkingCalendar(json))).toBe(field);
  });
});

describe('reading an SLA policy', () => {
  it('fills in the defaults', () => {
    expect(parseSlaPolicy(policy(), calendars)).toMatchObject({
      atRiskRatio: 0.8,
      clocks: { firstResponse: { scope: 'case', notApplicableOn: [], reopensOn: [], restartsOn: [], pausedBy: [] } },
    });
  });

  it.each([
    [policy({ calendar: 'nope' }), 'calendar'],
    [policy({ atRiskRatio: 1.5 }), 'atRiskRatio'],
    [policy({ version: '' }), 'version'],
    [policy({}, { unit: 'days' }), 'clocks.firstResponse.unit'],
    [policy({}, { startsOn: [] }), 'clocks.firstResponse.startsOn'],
    [policy({}, { stopsOn: [{ event: 'CustomerCalled' }] }), 'clocks.firstResponse.stopsOn[0].event'],
    [policy({}, { stopsOn: [{ event: 'CustomerContacted', where: { channel: {} } }] }), 'clocks.firstResponse.stopsOn[0].where.channel'],
    [policy({}, { targets: [{ value: 0 }] }), 'clocks.firstResponse.targets[0].value'],
    [policy({}, { targets: [{ when: { priority: 'urgent' }, value: 2 }] }), 'clocks.firstResponse.targets'],
    [policy({}, { targets: [{ when: { priority: 'high' }, value: 2 }, { value: 24 }] }), 'clocks.firstResponse.targets[0].when.priority'],
    [policy({}, { targets: [{ when: { severity: 'serious' }, value: 2 }, { value: 24 }] }), 'clocks.firstResponse.targets[0].when.severity'],
    [policy({}, { pausedBy: ['lunch'] }), 'clocks.firstResponse.pausedBy[0]'],
    [policy({}, { scope: 'complaint' }), 'clocks.firstResponse.startsOn[0].event'],
    [policy({}, { stopOn: [] }), 'clocks.firstResponse.stopOn'],
  ])('names the bad field (%#)', (json, field) => {
    expect(fieldOf(() => parseSlaPolicy(json, calendars))).toBe(field);
  });
});

describe('the shipped standard-v1 policy', () => {
  it('defines the eight clocks of DESIGN §4 on the 2026 mainland calendar', () => {
    expect(Object.keys(standardV1.clocks)).toEqual([
      'firstResponse', 'onSite', 'repair', 'resultFeedback', 'loaner', 'survey', 'complaintAck', 'complaintResolution',
    ]);
    expect(standardV1.calendar).toBe(cnMainland2026);
  });
});
