import { expect } from '@jest/globals';
import { reportBody } from './fixtures.js';
import type { HttpClient, HttpResult } from './http-client.js';

/** Asserts a command succeeded, with a readable failure message (status and problem document). */
export function ok(res: HttpResult, status = 200): HttpResult {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${res.text}`);
  return res;
}

export async function reportCase(http: HttpClient, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = ok(await http.post('agent', '/v1/cases', reportBody(overrides)), 201);
  expect(res.body.status).toBe('reported');
  return res.body.caseId as string;
}

/** Reports a case and walks it to `on-site` with technician tech-1. */
export async function caseOnSite(http: HttpClient, overrides: Record<string, unknown> = {}): Promise<string> {
  const id = await reportCase(http, overrides);
  ok(await http.post('agent', `/v1/cases/${id}/contact`, { channel: 'phone' }));
  ok(await http.post('dispatcher', `/v1/cases/${id}/dispatch`, { technicianId: 'tech-1' }));
  ok(await http.post('technician', `/v1/cases/${id}/arrive`, {}));
  return id;
}
