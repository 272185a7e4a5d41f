import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../server/demo/seed';
import { buildTestApp, type TestApp } from '../../helpers/app';
import type { ResourceView } from './resources.helpers';

describe('the demo library', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp();
  });
  afterEach(() => t.close());

  it('holds sheets in English and Spanish, one of them due for review', async () => {
    expect(seedDemo(t.app.services, t.clock.now())).toBe(true);
    const viewer = await t.signIn('viewer');
    const items: ResourceView[] = (await t.call(viewer, { method: 'GET', url: '/api/resources' })).json()
      .items;
    expect(items.length).toBeGreaterThanOrEqual(2);
    for (const item of items) expect(item.versions.map((v) => v.language)).toEqual(['en', 'es']);
    expect(items.filter((i) => i.stale)).toHaveLength(1);
    expect(new Set(items.flatMap((i) => i.tags))).toEqual(new Set(['legal', 'health', 'travel']));
    const page = await t.app.inject({ method: 'GET', url: `/r/${items[0]!.slug}?lang=mam` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-language']).toBe('es');
  });
});
