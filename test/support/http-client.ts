import type { TestActor } from './test-app.js';

export interface HttpResult<B = any> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: B;
  readonly text: string;
}

export interface RequestOptions {
  readonly headers?: Record<string, string>;
  /** A raw body sent as is (for malformed-request tests). */
  readonly raw?: string;
}

const tokenOf = (actor: TestActor): string => `test-token-${actor}-000`;

/** A thin fetch wrapper: actor → bearer token, JSON in and out, never throws on a status. */
export class HttpClient {
  constructor(readonly baseUrl: string) {}

  async request(actor: TestActor | null, method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<HttpResult> {
    const headers: Record<string, string> = { ...options.headers };
    if (actor) headers['authorization'] = `Bearer ${tokenOf(actor)}`;
    let payload: string | undefined = options.raw;
    if (payload === undefined && body !== undefined) payload = JSON.stringify(body);
    if (payload !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
      headers['content-type'] = 'application/json';
    }
    const res = await fetch(this.baseUrl + path, { method, headers, body: payload });
    const text = await res.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, headers: res.headers, body: parsed, text };
  }

  post(actor: TestActor | null, path: string, body?: unknown, options?: RequestOptions): Promise<HttpResult> {
    return this.request(actor, 'POST', path, body, options);
  }

  get(actor: TestActor | null, path: string, options?: RequestOptions): Promise<HttpResult> {
    return this.request(actor, 'GET', path, undefined, options);
  }
}
