import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestOrg } from '@attain/app/test-support';
import { startTestServer, type Client, type TestServer } from './test-support/http.js';

type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; items?: JsonSchema; enum?: unknown[]; anyOf?: JsonSchema[] };

const garbage = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }));

/** Values shaped by the route's own schema most of the time, anything at all otherwise. */
function valueFor(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 3) return garbage;
  if (schema.enum) return fc.oneof(fc.constantFrom(...schema.enum), garbage);
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((s) => valueFor(s, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const typed: Record<string, fc.Arbitrary<unknown>> = {
    string: fc.oneof(fc.string(), fc.constantFrom('2026-02-30', '2027-01-01', '-1', '99999999999999999999999999999', '=cmd', 'acc_x', '')),
    integer: fc.oneof(fc.integer(), fc.constantFrom(-1, 0, 2 ** 53, 10_001)),
    number: fc.oneof(fc.double(), fc.integer()),
    boolean: fc.boolean(),
    null: fc.constant(null),
    array: fc.array(valueFor(schema.items, depth + 1), { maxLength: 4 }),
    object: objectFor(schema, depth),
  };
  return fc.oneof({ weight: 4, arbitrary: typed[type ?? ''] ?? garbage }, { weight: 1, arbitrary: garbage });
}

function objectFor(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  const props = Object.entries(schema.properties ?? {});
  const shaped = fc.record(Object.fromEntries(props.map(([k, v]) => [k, valueFor(v, depth + 1)])), { requiredKeys: [] });
  return fc.oneof({ weight: 4, arbitrary: shaped }, { weight: 1, arbitrary: fc.dictionary(fc.string(), garbage, { maxKeys: 3 }) });
}

describe('schema-driven fuzz of every route', () => {
  let s: TestServer;
  let t: TestOrg;
  let admin: Client;
  let ids: string[];
  beforeAll(async () => {
    s = await startTestServer('sqlite');
    t = await s.newOrg();
    admin = await s.as(t, 'admin');
    const acc = await admin.post<{ id: string }>('/accounts', { name: 'Fuzz target', ownerId: t.people.rep.id });
    const opp = await admin.post<{ id: string }>('/opportunities', { name: 'Fuzz deal', amountMinor: '1', closeDate: '2027-01-01', ownerId: t.people.rep.id });
    ids = [acc.body.id, opp.body.id, t.people.rep.id, 'missing', "' or 1=1 --"];
  });
  afterAll(async () => s.close());

  it('never answers 500, whatever the body, query or id', async () => {
    const seen = new Map<number, number>();
    const doc = (await s.anonymous.get<{ paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: JsonSchema }> }; parameters?: { name: string; in: string }[] }>> }>('/openapi.json')).body;
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        if (path === '/auth/logout') continue; // would end the fuzzing session
        const body = valueFor(op.requestBody?.content['application/json']?.schema);
        const queryNames = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
        const query = fc.dictionary(queryNames.length ? fc.oneof(fc.constantFrom(...queryNames), fc.string()) : fc.string(), fc.string(), { maxKeys: 3 });
        await fc.assert(
          fc.asyncProperty(body, query, fc.constantFrom(...ids), async (b, q, id) => {
            const url = `${path.replace('{id}', encodeURIComponent(id))}?${new URLSearchParams(q).toString()}`;
            const res = await admin.request(method.toUpperCase(), url, method === 'get' ? undefined : b);
            seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
            expect(res.status, `${method} ${url} ${JSON.stringify(b)}: ${JSON.stringify(res.body)}`).toBeLessThan(500);
          }),
          { numRuns: 25, seed: 42 },
        );
      }
    }
    // The fuzz reached the handlers: some requests succeeded, many were refused as invalid.
    expect(seen.get(200) ?? 0).toBeGreaterThan(50);
    expect(seen.get(422) ?? 0).toBeGreaterThan(200);
  }, 120_000);
});
