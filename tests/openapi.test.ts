import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './helpers/app';

describe('OpenAPI page', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp();
  });
  afterEach(() => t.close());

  it('describes every API route from its zod contract, and serves the docs page', async () => {
    const spec = (await t.call(null, { method: 'GET', url: '/api/docs/json' })).json();
    expect(spec.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/sites',
      '/api/volunteers',
      '/api/shifts',
      '/api/sms/messages',
      '/api/users/{id}',
    ]) {
      expect(Object.keys(spec.paths)).toContain(path);
    }
    const create = spec.paths['/api/sites'].post.requestBody.content['application/json'].schema;
    expect(create.required).toEqual(expect.arrayContaining(['name', 'kind']));
    expect(create.properties.kind.enum).toContain('bus_station');
    const page = await t.call(null, { method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
  });
});
