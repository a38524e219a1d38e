import { randomBytes } from 'node:crypto';
import type { CaseEvent, CaseState } from '#casetrail/domain';
import { personalDataAccess } from './personal-data-access.js';
import { seal } from './sealed-envelope.js';
import { showPersonalData, withholdPersonalData, type KeyLookup } from './show-personal-data.js';

const key = { customerId: 'C-1', keyId: 'k-1', key: randomBytes(32) };
const personal = { name: '司马相如', phone: '+86 186 9753 0246', address: '拉萨市城关区北京中路7号' };
const at = '2026-03-02T08:00:00.000Z';
const reported = (value: unknown) =>
  ({ type: 'CaseReported', occurredAt: at, data: { caseId: 'case-1', customer: { id: 'C-1', region: 'urban', personal: value } } }) as unknown as CaseEvent;
const accepted = (value: unknown) => ({ type: 'RepairAccepted', occurredAt: at, data: { caseId: 'case-1', signedBy: value } }) as unknown as CaseEvent;
const sealedReport = reported(seal(personal, key, { caseId: 'case-1', field: 'customer.personal' }));
const sealedAcceptance = accepted(seal('司马相如', key, { caseId: 'case-1', field: 'signedBy' }));

const withKey: KeyLookup = (customerId, keyId) => (customerId === key.customerId && keyId === key.keyId ? key : null);
const erased: KeyLookup = () => null;
const customerOf = (e: CaseEvent) => (e.data as { customer: unknown }).customer;
const signedBy = (e: CaseEvent) => (e.data as { signedBy: unknown }).signedBy;
const marked = (m: string) => ({ name: m, phone: m, address: m });

describe('personal data shown to a reader', () => {
  it('is opened for an entitled reader', () => {
    expect(customerOf(showPersonalData(sealedReport, 'reveal', withKey))).toEqual({ id: 'C-1', region: 'urban', personal, personalErased: false });
    expect(signedBy(showPersonalData(sealedAcceptance, 'reveal', withKey))).toBe('司马相如');
  });

  it('reads [redacted] for a reader who is not entitled', () => {
    expect(customerOf(showPersonalData(sealedReport, 'redact', withKey))).toEqual({ id: 'C-1', region: 'urban', personal: marked('[redacted]'), personalErased: false });
    expect(signedBy(showPersonalData(sealedAcceptance, 'redact', withKey))).toBe('[redacted]');
  });

  it.each(['reveal', 'redact'] as const)('reads [erased] for everyone once the key is gone (%s)', (access) => {
    expect(customerOf(showPersonalData(sealedReport, access, erased))).toEqual({ id: 'C-1', region: 'urban', personal: marked('[erased]'), personalErased: true });
    expect(signedBy(showPersonalData(sealedAcceptance, access, erased))).toBe('[erased]');
  });

  it('reads [unreadable] when a sealed value does not open with its key', () => {
    const moved = accepted(seal('司马相如', key, { caseId: 'case-9', field: 'signedBy' }));
    expect(signedBy(showPersonalData(moved, 'reveal', withKey))).toBe('[unreadable]');
  });

  it('shows data stored before sealing existed by the same rule', () => {
    expect(customerOf(showPersonalData(reported(personal), 'reveal', erased))).toMatchObject({ personal, personalErased: false });
    expect(customerOf(showPersonalData(reported(personal), 'redact', erased))).toMatchObject({ personal: marked('[redacted]') });
  });

  it('withholds everything without looking a key up, for deciding and for operator tools', () => {
    expect(customerOf(withholdPersonalData(sealedReport))).toEqual({ id: 'C-1', region: 'urban', personal: marked('[redacted]') });
    expect(signedBy(withholdPersonalData(accepted('王芳')))).toBe('[redacted]');
  });

  it('leaves events without personal data as they are', () => {
    const contacted = { type: 'CustomerContacted', occurredAt: at, data: { caseId: 'case-1', channel: 'phone', appointmentAt: null, note: null } } as CaseEvent;
    expect(showPersonalData(contacted, 'reveal', withKey)).toBe(contacted);
  });
});

describe('who is entitled to a customer’s personal data', () => {
  const assignedTo = (technicianId: string | null) => ({ status: 'dispatched', technicianId }) as unknown as CaseState;

  it.each([
    ['agent', 'reveal'],
    ['dispatcher', 'reveal'],
    ['supervisor', 'reveal'],
    ['admin', 'reveal'],
    ['auditor', 'redact'],
    ['analyst', 'redact'],
  ] as const)('%s: %s', (role, access) => {
    expect(personalDataAccess({ id: `${role}-1`, role }, assignedTo('tech-1'))).toBe(access);
  });

  it('a technician only on the case assigned to them', () => {
    expect(personalDataAccess({ id: 'tech-1', role: 'technician' }, assignedTo('tech-1'))).toBe('reveal');
    expect(personalDataAccess({ id: 'tech-2', role: 'technician' }, assignedTo('tech-1'))).toBe('redact');
    expect(personalDataAccess({ id: 'tech-1', role: 'technician' }, assignedTo(null))).toBe('redact');
  });
});
