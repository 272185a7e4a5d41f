import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app';
import { addVolunteer, text } from '../../helpers/fixtures';
import { addResource, addVersion } from './resources.helpers';

describe('SHEETS · HOJAS by text', () => {
  let t: TestApp;
  let coordinator: string;
  beforeEach(async () => {
    t = await buildTestApp();
    coordinator = await t.signIn('coordinator');
  });
  afterEach(() => t.close());

  it('texts a volunteer links of a topic, Spanish ones for HOJAS, in their own language, and a stranger nothing', async () => {
    await addVolunteer(t, coordinator, { phone: '+13035550142', smsLanguage: 'en' });
    const rights = await addResource(t, coordinator, { title: 'Derechos', tags: ['legal'] });
    await addVersion(t, coordinator, rights.id, 'es');
    await addVersion(t, coordinator, rights.id, 'en');
    const bus = await addResource(t, coordinator, { title: 'Bus', tags: ['travel'] });
    await addVersion(t, coordinator, bus.id, 'en');

    const es = await text(t, coordinator, '+13035550142', 'hojas legal');
    const base = `${t.config.PUBLIC_URL}/r`;
    expect(es.replies.map((r) => r.body)).toEqual([
      `Sheets to share:\nDerechos ${base}/${rights.slug}?lang=es`,
    ]);
    const en = await text(t, coordinator, '+13035550142', 'SHEETS');
    expect(en.replies[0]?.body).toBe(
      `Sheets to share:\nBus ${base}/${bus.slug}?lang=en\nDerechos ${base}/${rights.slug}?lang=en`,
    );
    expect((await text(t, coordinator, '+13035550142', 'HOJAS SALUD')).replies[0]?.body).toBe(
      'No sheets on that topic yet. Text SHEETS for all of them.',
    );
    expect((await text(t, coordinator, '+13035550142', 'SHEETS PIZZA')).replies[0]?.body).toMatch(/^Topics:/);

    const stranger = await text(t, coordinator, '+13035550199', 'HOJAS LEGAL');
    expect(stranger.replies.map((r) => r.body).join(' ')).not.toContain('/r/');
  });
});
