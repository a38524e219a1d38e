import type { Role } from '#casetrail/domain';
import { JSON_HEADERS, problemOf, startTestApp, tokenFor, validReport, type TestApp } from '../testing/start-test-app.js';

describe('bearer authentication and roles', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  describe('a caller without a valid token', () => {
    it.each([
      ['no Authorization header', undefined, 'This route needs an Authorization: Bearer <token> header', 'Bearer realm="casetrail"'],
      ['another scheme', 'Basic YWdlbnQ6cHc=', 'The Authorization header must be "Bearer <token>"', 'Bearer realm="casetrail", error="invalid_request"'],
      ['a bare "Bearer"', 'Bearer', 'The Authorization header must be "Bearer <token>"', 'Bearer realm="casetrail", error="invalid_request"'],
      ['an unknown token', 'Bearer not-a-known-token-at-all', 'The bearer token is not valid', 'Bearer realm="casetrail", error="invalid_token"'],
      ['a token with its last character changed', `Bearer ${tokenFor('admin').slice(0, -1)}X`, 'The bearer token is not valid', 'Bearer realm="casetrail", error="invalid_token"'],
    ])('gets 401 AUTH.UNAUTHENTICATED with %s', async (_label, authorization, detail, challenge) => {
      const response = await t.fetch('/test/any', authorization ? { headers: { authorization } } : {});
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe(challenge);
      expect(await problemOf(response)).toEqual({
        type: 'https://casetrail.dev/problems/AUTH.UNAUTHENTICATED',
        title: 'Unauthorized',
        status: 401,
        detail,
        code: 'AUTH.UNAUTHENTICATED',
        instance: '/test/any',
      });
    });

    it('is refused before the body is validated', async () => {
      const response = await t.fetch('/test/reports', { method: 'POST', headers: JSON_HEADERS, body: '{}' });
      expect(response.status).toBe(401);
    });

    it('may still use a @Public() route', async () => {
      const response = await t.fetch('/test/public');
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ open: true });
    });
  });

  it('accepts the scheme in any case and hands the actor to @CurrentActor()', async () => {
    const response = await t.fetch('/test/any', { headers: { authorization: `bearer ${tokenFor('technician')}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ actor: { id: 'technician-1', role: 'technician' } });
  });

  describe('route roles, with supervisor and admin inheriting', () => {
    // Routes: dispatch @Roles('dispatcher'), audit @Roles('auditor', 'analyst'), any (no @Roles).
    const MATRIX: [Role, boolean, boolean][] = [
      ['agent', false, false],
      ['dispatcher', true, false],
      ['technician', false, false],
      ['supervisor', true, false],
      ['admin', true, true],
      ['auditor', false, true],
      ['analyst', false, true],
    ];

    it.each(MATRIX)('%s: dispatcher route %p, auditor/analyst route %p, any-role route allowed', async (role, dispatch, audit) => {
      const dispatchResponse = await t.fetch('/test/dispatch', { role, method: 'POST' });
      expect(dispatchResponse.status).toBe(dispatch ? 200 : 403);
      const auditResponse = await t.fetch('/test/audit', { role });
      expect(auditResponse.status).toBe(audit ? 200 : 403);
      expect((await t.fetch('/test/any', { role })).status).toBe(200);
    });

    it('answers 403 AUTH.FORBIDDEN naming the role and the allowed roles', async () => {
      const response = await t.fetch('/test/audit', { role: 'supervisor' });
      expect(response.status).toBe(403);
      expect(await problemOf(response)).toEqual({
        type: 'https://casetrail.dev/problems/AUTH.FORBIDDEN',
        title: 'Forbidden',
        status: 403,
        detail: 'The role supervisor may not use this route',
        code: 'AUTH.FORBIDDEN',
        instance: '/test/audit',
        role: 'supervisor',
        allowedRoles: ['auditor', 'analyst'],
      });
    });

    it.each<[Role, number]>([
      ['agent', 201],
      ['supervisor', 201],
      ['admin', 201],
      ['technician', 403],
      ['analyst', 403],
    ])('agent route with a valid body: %s gets %i', async (role, status) => {
      const response = await t.fetch('/test/reports', { role, method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(validReport()) });
      expect(response.status).toBe(status);
    });
  });
});
