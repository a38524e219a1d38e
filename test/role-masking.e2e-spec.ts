import { afterAll, describe, expect, it } from '@jest/globals';
import type { Role } from '#casetrail/domain';
import { caseOnSite, ok } from './support/case-steps.js';
import { daysAgo } from './support/fixtures.js';
import { startTestApp, type TestActor } from './support/test-app.js';

/**
 * Every route of DESIGN §7 for every role: who may use it (supervisors inherit agent, dispatcher
 * and technician routes; admins every route), and what each reader sees of the customer —
 * decrypted for the entitled, `[redacted]` for auditors, nothing at all for analysts.
 */
const ROLE_OF: Record<TestActor, Role> = {
  agent: 'agent',
  dispatcher: 'dispatcher',
  technician: 'technician',
  'technician-2': 'technician',
  supervisor: 'supervisor',
  admin: 'admin',
  auditor: 'auditor',
  analyst: 'analyst',
};
const ACTORS = Object.keys(ROLE_OF) as TestActor[];
const SUPERVISOR_COVERS: readonly Role[] = ['agent', 'dispatcher', 'technician', 'supervisor'];
const admits = (roles: readonly Role[] | 'public', role: Role): boolean =>
  roles === 'public' || role === 'admin' || roles.includes(role) || (role === 'supervisor' && roles.some((r) => SUPERVISOR_COVERS.includes(r)));

const CUSTOMER = { id: 'C-MASK-1', name: '诸葛孔明', phone: '+86 133 1234 9876', address: '南阳市卧龙区隆中路3号', region: 'urban' };
const SECRETS = [CUSTOMER.name, CUSTOMER.phone, CUSTOMER.phone.replace(/\D/g, ''), CUSTOMER.address];
const SERIAL = 'SN-MASK-1';

const t = await startTestApp();
const caseId = await caseOnSite(t.http, { customer: CUSTOMER, product: { model: 'KFR-35GW', serialNumber: SERIAL, invoiceDate: daysAgo(30) } });
const complaintId = ok(await t.http.post('agent', `/v1/cases/${caseId}/complaints`, { category: 'service', severity: 'minor', description: 'late' }), 201).body.complaintId;
await t.settle();

const c = `/v1/cases/${caseId}`;
const POSTS: [string, readonly Role[]][] = [
  ['/v1/cases', ['agent']],
  [`${c}/contact`, ['agent']],
  [`${c}/dispatch`, ['dispatcher']],
  [`${c}/arrive`, ['technician']],
  [`${c}/hold`, ['agent', 'dispatcher', 'technician']],
  [`${c}/resume`, ['agent', 'dispatcher', 'technician']],
  [`${c}/repair`, ['technician']],
  [`${c}/accept`, ['agent', 'technician']],
  [`${c}/reject`, ['agent', 'technician']],
  [`${c}/survey`, ['agent']],
  [`${c}/progress-updates`, ['agent']],
  [`${c}/loaner`, ['technician']],
  [`${c}/loaner/return`, ['agent', 'technician']],
  [`${c}/cancel`, ['supervisor']],
  [`${c}/complaints`, ['agent']],
  [`${c}/complaints/${complaintId}/acknowledge`, ['supervisor']],
  [`${c}/complaints/${complaintId}/resolve`, ['supervisor']],
  [`${c}/complaints/${complaintId}/reopen`, ['supervisor']],
  ['/v1/product-units', ['agent']],
  [`/v1/customers/${CUSTOMER.id}/erase`, ['admin']],
];

const STAFF_AUDITOR: Role[] = ['agent', 'dispatcher', 'technician', 'supervisor', 'auditor'];
const READERS: Role[] = [...STAFF_AUDITOR, 'analyst'];
/** `case: true`: about this one case, so a technician it is not assigned to is refused. */
const GETS: [string, readonly Role[] | 'public', { case?: boolean; personal?: boolean }][] = [
  [c, STAFF_AUDITOR, { case: true, personal: true }],
  [`${c}/history`, STAFF_AUDITOR, { case: true, personal: true }],
  [`${c}/verify`, ['auditor', 'supervisor'], { case: true }],
  ['/v1/cases', READERS, {}],
  ['/v1/sla/clocks', ['agent', 'dispatcher', 'supervisor', 'auditor', 'analyst'], {}],
  ['/v1/sla/summary?groupBy=region', ['agent', 'dispatcher', 'supervisor', 'auditor', 'analyst'], {}],
  ['/v1/complaints', READERS, {}],
  ['/v1/complaints/summary?groupBy=category', READERS, {}],
  ['/v1/satisfaction/summary?groupBy=month', READERS, {}],
  ['/v1/audit/events', ['auditor', 'supervisor'], {}],
  [`/v1/product-units/${SERIAL}`, READERS, {}],
  ['/health', 'public', {}],
  ['/metrics', 'public', {}],
];

/** Who reads the customer in the clear: DESIGN §1 confidentiality, technicians for their own cases only. */
const REVEALED_TO: readonly TestActor[] = ['agent', 'dispatcher', 'technician', 'supervisor', 'admin'];

describe('role × route', () => {
  afterAll(() => t.dispose());

  describe.each(ACTORS)('as %s', (actor) => {
    const role = ROLE_OF[actor];

    // A body no route accepts: an admitted role gets 400 and nothing is written; any other gets 403 first.
    it.each(POSTS.map(([route, roles]) => [route, admits(roles, role) ? 400 : 403] as const))('POST %s → %i', async (route, status) => {
      const res = await t.http.post(actor, route, { occurredAt: 'not-an-instant' });
      expect(res.status).toBe(status);
    });

    it.each(
      GETS.map(([route, roles, o]) => {
        const allowed = admits(roles, role) && !(o.case && actor === 'technician-2');
        return [route, allowed ? 200 : 403, o] as const;
      }),
    )('GET %s → %i, with personal data only where entitled', async (route, status, o) => {
      const res = await t.http.get(actor, route);
      expect(res.status).toBe(status);
      const leaked = SECRETS.filter((s) => res.text.includes(s));
      if (status === 200 && o.personal && REVEALED_TO.includes(actor)) expect(leaked).toEqual(expect.arrayContaining([CUSTOMER.name, CUSTOMER.address]));
      else expect(leaked).toEqual([]);
      if (status === 200 && o.personal && actor === 'auditor') expect(res.text).toContain('"name":"[redacted]"');
    });
  });

  it('wrote nothing: every refused or invalid command left the case as it was', async () => {
    expect(ok(await t.http.get('supervisor', c)).body).toMatchObject({ revision: 4, status: 'on-site' });
  });

  it('lets a technician on their own case only, for commands too', async () => {
    expect((await t.http.post('technician-2', `${c}/hold`, { reason: 'awaiting-parts' })).status).toBe(403);
    expect((await t.http.get('technician-2', c)).body.code).toBe('CASE.NOT_ASSIGNED');
  });
});
