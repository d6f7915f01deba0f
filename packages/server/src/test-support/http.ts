import { createTestOrg, openTestDatabase, testContext, TEST_PASSWORD, type TestDialect, type TestOrg } from '@attain/app/test-support';
import type { AppContext } from '@attain/app';
import type { Database } from '@attain/store';
import { createServer, type AttainServer } from '../server.js';

export interface Response<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

/** A signed-in HTTP client against the in-process server: cookie session plus CSRF token, or a bearer token. */
export class Client {
  constructor(
    private readonly server: AttainServer,
    private readonly auth: { cookie?: string; csrf?: string | null; bearer?: string } = {},
  ) {}

  async request<T = Record<string, unknown>>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response<T>> {
    const h: Record<string, string> = { ...headers };
    if (body !== undefined && typeof body !== 'string') h['content-type'] = 'application/json';
    if (this.auth.cookie) h.cookie = this.auth.cookie;
    if (this.auth.bearer) h.authorization = `Bearer ${this.auth.bearer}`;
    if (this.auth.csrf && method !== 'GET' && !('x-csrf-token' in h)) h['x-csrf-token'] = this.auth.csrf;
    const res = await this.server.app.request(`/api/v1${path}`, {
      method,
      headers: h,
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // CSV and HTML stay text
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get = <T = Record<string, unknown>>(path: string) => this.request<T>('GET', path);
  post = <T = Record<string, unknown>>(path: string, body?: unknown, headers?: Record<string, string>) => this.request<T>('POST', path, body ?? {}, headers);
  patch = <T = Record<string, unknown>>(path: string, body: unknown) => this.request<T>('PATCH', path, body);
  put = <T = Record<string, unknown>>(path: string, body: unknown) => this.request<T>('PUT', path, body);
}

export interface TestServer {
  readonly database: Database;
  readonly ctx: AppContext;
  readonly server: AttainServer;
  readonly anonymous: Client;
  /** Signs in with e-mail and password and returns a client carrying the session. */
  login(email: string, password?: string): Promise<Client>;
  /** A fresh organisation with a user per role; `as(org, 'rep')` signs that user in. */
  newOrg(name?: string): Promise<TestOrg>;
  as(org: TestOrg, who: keyof TestOrg['users']): Promise<Client>;
  close(): Promise<void>;
}

export async function startTestServer(dialect: TestDialect): Promise<TestServer> {
  const database = await openTestDatabase(dialect);
  const ctx = testContext(database);
  const server = createServer({ ctx, version: 'test' });
  const login = async (email: string, password = TEST_PASSWORD) => {
    const res = await server.app.request('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const me = (await res.json()) as { csrfToken: string };
    return new Client(server, { cookie, csrf: me.csrfToken });
  };
  return {
    database,
    ctx,
    server,
    anonymous: new Client(server),
    login,
    newOrg: (name) => createTestOrg(ctx, name),
    as: (org, who) => login(org.users[who].email),
    close: () => database.close(),
  };
}

export const bearerClient = (server: AttainServer, token: string): Client => new Client(server, { bearer: token });
