import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { repairBody, reportBody, surveyBody } from './support/fixtures.js';
import { ok, reportCase } from './support/case-steps.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** A valid body per route; each generated request then breaks it in at least one way. */
type Route = { path: string; actor: 'agent' | 'dispatcher' | 'supervisor'; body: Record<string, unknown>; enums: string[] };
const routes = (caseId: string): Route[] => [
  { path: '/v1/cases', actor: 'agent', body: reportBody(), enums: ['channel', 'priority'] },
  { path: `/v1/cases/${caseId}/contact`, actor: 'agent', body: { channel: 'phone', note: 'n' }, enums: ['channel'] },
  { path: `/v1/cases/${caseId}/dispatch`, actor: 'dispatcher', body: { technicianId: 'tech-1' }, enums: [] },
  { path: `/v1/cases/${caseId}/hold`, actor: 'agent', body: { reason: 'awaiting-customer' }, enums: ['reason'] },
  { path: `/v1/cases/${caseId}/repair`, actor: 'supervisor', body: repairBody({ mode: 'remote' }), enums: ['mode', 'coverage'] },
  { path: `/v1/cases/${caseId}/survey`, actor: 'agent', body: surveyBody, enums: ['channel'] },
  { path: `/v1/cases/${caseId}/progress-updates`, actor: 'agent', body: { kind: 'progress', channel: 'sms', message: 'm' }, enums: ['kind', 'channel'] },
  { path: `/v1/cases/${caseId}/cancel`, actor: 'supervisor', body: { reason: 'duplicate' }, enums: ['reason'] },
  { path: `/v1/cases/${caseId}/complaints`, actor: 'agent', body: { category: 'quality', severity: 'minor', description: 'd' }, enums: ['category', 'severity'] },
];

type Breakage =
  | { kind: 'unknown-field'; name: string; value: unknown }
  | { kind: 'wrong-type'; fieldIndex: number; value: unknown }
  | { kind: 'bad-enum'; fieldIndex: number; value: string }
  | { kind: 'not-an-object'; value: unknown }
  | { kind: 'not-json'; text: string }
  | { kind: 'bad-if-match'; value: string }
  | { kind: 'bad-occurred-at'; value: string }
  | { kind: 'bad-token'; value: string };

const json = fc.jsonValue({ maxDepth: 3 });
const breakage: fc.Arbitrary<Breakage> = fc.oneof(
  fc.record({ kind: fc.constant('unknown-field' as const), name: fc.string({ minLength: 1, maxLength: 12 }).map((s) => `zz_${s}`), value: json }),
  fc.record({ kind: fc.constant('wrong-type' as const), fieldIndex: fc.nat(), value: fc.oneof(fc.integer(), fc.boolean(), fc.array(fc.integer(), { minLength: 1, maxLength: 3 })) }),
  fc.record({ kind: fc.constant('bad-enum' as const), fieldIndex: fc.nat(), value: fc.string({ maxLength: 20 }).map((s) => `not-${s}`) }),
  fc.record({ kind: fc.constant('not-an-object' as const), value: fc.oneof(fc.array(json, { maxLength: 3 }), fc.string(), fc.integer(), fc.constant(null)) }),
  fc.record({ kind: fc.constant('not-json' as const), text: fc.string({ minLength: 1, maxLength: 40 }).map((s) => `{${s}`) }),
  fc.record({ kind: fc.constant('bad-if-match' as const), value: fc.string({ minLength: 1, maxLength: 20 }).map((s) => `x${s.replace(/[^\x21-\x7e]/g, '')}`) }),
  fc.record({ kind: fc.constant('bad-occurred-at' as const), value: fc.oneof(fc.string({ maxLength: 30 }).map((s) => `t${s}`), fc.constant('2026-02-30T10:00:00Z'), fc.constant('2026-03-02 10:00')) }),
  fc.record({ kind: fc.constant('bad-token' as const), value: fc.string({ minLength: 1, maxLength: 30 }).map((s) => `bad${s.replace(/[^\x21-\x7e]/g, '')}`) }),
);

const topLevelFields = (body: Record<string, unknown>): string[] => Object.keys(body);

describe('1,000 malformed requests', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.dispose());

  it('never get a 5xx and never write an event', async () => {
    const caseId = await reportCase(t.http);
    const head = async (): Promise<number> => ok(await t.http.get(null, '/health')).body.details.eventStore.headPosition;
    const before = await head();
    const candidates = routes(caseId);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: candidates.length - 1 }), breakage, async (routeIndex, broken) => {
        const route = candidates[routeIndex]!;
        const body: Record<string, unknown> = structuredClone(route.body);
        const fields = topLevelFields(body);
        const headers: Record<string, string> = {};
        let raw: string | undefined;
        let actor: Route['actor'] | null = route.actor;
        switch (broken.kind) {
          case 'unknown-field':
            body[broken.name] = broken.value;
            break;
          case 'wrong-type':
            body[fields[broken.fieldIndex % fields.length]!] = broken.value;
            break;
          case 'bad-enum':
            // Dispatch has no enum: its free-text field gets an empty string instead, which is just as invalid.
            if (route.enums.length === 0) body['technicianId'] = '';
            else body[route.enums[broken.fieldIndex % route.enums.length]!] = broken.value;
            break;
          case 'not-an-object':
            raw = JSON.stringify(broken.value);
            break;
          case 'not-json':
            raw = broken.text;
            break;
          case 'bad-if-match':
            headers['if-match'] = broken.value;
            break;
          case 'bad-occurred-at':
            body['occurredAt'] = broken.value;
            break;
          case 'bad-token':
            actor = null;
            headers['authorization'] = `Bearer ${broken.value}`;
            break;
        }
        const res = await t.http.post(actor, route.path, raw === undefined ? body : undefined, { headers, ...(raw !== undefined ? { raw } : {}) });
        if (res.status >= 500 || res.status < 400) {
          throw new Error(`${route.path} ${JSON.stringify(broken)} → ${res.status} ${res.text}`);
        }
        expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      }),
      { numRuns: 1000, seed: 20261121 },
    );
    expect(await head()).toBe(before);
  }, 60_000); // 1,000 requests: ~2 s alone, over 5 s beside the other suites on a busy 2-core machine
});
