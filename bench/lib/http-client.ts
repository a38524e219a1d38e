import { randomUUID } from 'node:crypto';
import type { Role, RunningServer } from './server.js';

export interface Answer {
  readonly status: number;
  readonly body: any;
}

export async function call(server: RunningServer, role: Role, method: 'GET' | 'POST', path: string, body?: unknown): Promise<Answer> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...server.auth(role), ...(body === undefined ? {} : { 'content-type': 'application/json', 'idempotency-key': randomUUID() }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** A report as a hotline agent files it: an air conditioner under warranty. */
export function reportBody(model = 'KFR-35GW'): Record<string, unknown> {
  return {
    customer: { id: `C-${Math.floor(Math.random() * 1e6)}`, name: '王芳', phone: '+86 138 0013 8000', address: '上海市浦东新区世纪大道100号', region: 'urban' },
    product: { model, serialNumber: `SN-${randomUUID().slice(0, 8)}`, invoiceDate: new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 10) },
    fault: { category: 'hardware', description: 'Does not cool; outdoor unit clicks' },
    channel: 'hotline',
    priority: 'general',
  };
}

export const progressBody = (n: number) => ({ kind: 'progress', channel: 'sms', message: `Parts ordered, update ${n}` });

export async function reportCase(server: RunningServer): Promise<string> {
  const answer = await call(server, 'agent', 'POST', '/v1/cases', reportBody());
  if (answer.status !== 201) throw new Error(`report answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body.caseId as string;
}

/** Milliseconds since `start` (from `process.hrtime.bigint()`). */
export const msSince = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
