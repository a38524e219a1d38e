import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError, isWorkingDay } from '#casetrail/domain';
import { defaultPoliciesDirectory, loadSlaPolicyRegistry, PolicyFileError } from './sla-policy.loader.js';

const folderWith = (files: Record<string, unknown>): string => {
  const root = mkdtempSync(join(tmpdir(), 'casetrail-policies-'));
  mkdirSync(join(root, 'sla'));
  mkdirSync(join(root, 'calendars'));
  for (const [path, content] of Object.entries(files)) writeFileSync(join(root, path), typeof content === 'string' ? content : JSON.stringify(content));
  return root;
};
const calendar = { id: 'cal' };
const policy = {
  version: 'p1',
  calendar: 'cal',
  clocks: { firstResponse: { startsOn: [{ event: 'CaseReported' }], stopsOn: [{ event: 'CustomerContacted' }], unit: 'hours', targets: [{ value: 24 }] } },
};

const errorOf = (run: () => unknown): PolicyFileError => {
  try {
    run();
  } catch (error) {
    if (error instanceof PolicyFileError) return error;
    throw error;
  }
  throw new Error('expected a PolicyFileError');
};

describe('the shipped policy files', () => {
  const registry = loadSlaPolicyRegistry();

  it('make standard-v1 the default', () => {
    expect(registry.defaultVersion).toBe('standard-v1');
    expect(registry.versions).toContain('standard-v1');
  });

  it('give standard-v1 the eight clocks on the 2026 mainland calendar', () => {
    const standard = registry.get('standard-v1');
    expect(Object.keys(standard.clocks)).toHaveLength(8);
    expect(standard.calendar.id).toBe('cn-mainland-2026');
    expect(isWorkingDay('2026-10-05', standard.calendar)).toBe(false);
    expect(isWorkingDay('2026-10-10', standard.calendar)).toBe(true);
  });

  it('refuse an unknown version with a stable code', () => {
    expect(() => registry.get('gold-v9')).toThrow(expect.objectContaining({ code: 'SLA.UNKNOWN_POLICY' }) as DomainError);
  });
});

describe('finding the policies folder', () => {
  it.each([
    ['the sources', 'file:///repo/libs/policies/src/sla/sla-policy.loader.ts'],
    ['the build', 'file:///repo/dist/libs/policies/src/sla/sla-policy.loader.js'],
  ])('from %s', (_, url) => {
    expect(defaultPoliciesDirectory(url)).toBe('/repo/policies');
  });
});

describe('a policies folder with a problem', () => {
  it.each([
    ['invalid JSON', { 'calendars/cal.json': calendar, 'sla/p1.json': '{ "version": ' }, 'sla/p1.json', '(file)'],
    ['a bad field', { 'calendars/cal.json': calendar, 'sla/p1.json': { ...policy, atRiskRatio: -1 } }, 'sla/p1.json', 'atRiskRatio'],
    ['an unknown calendar', { 'calendars/cal.json': calendar, 'sla/p1.json': { ...policy, calendar: 'other' } }, 'sla/p1.json', 'calendar'],
    ['a bad calendar', { 'calendars/cal.json': { ...calendar, timeZone: 'Asia/Atlantis' }, 'sla/p1.json': policy }, 'calendars/cal.json', 'timeZone'],
    ['a file named unlike its version', { 'calendars/cal.json': calendar, 'sla/p2.json': policy }, 'sla/p2.json', 'version'],
    ['no default policy', { 'calendars/cal.json': calendar }, 'sla', 'defaultVersion'],
  ])('names the file and field: %s', (_, files, file, field) => {
    const root = folderWith(files);
    const error = errorOf(() => loadSlaPolicyRegistry({ directory: root }));
    expect(error).toMatchObject({ file: join(root, file), field });
    expect(error.message).toContain(file);
  });

  it('loads another folder and default version when told to', () => {
    const root = folderWith({ 'calendars/cal.json': calendar, 'sla/p1.json': policy });
    expect(loadSlaPolicyRegistry({ directory: root, defaultVersion: 'p1' }).get('p1').calendar.timeZone).toBe('Asia/Shanghai');
  });
});
