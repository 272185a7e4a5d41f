import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY } from '../../../server/lib/clock';
import { buildTestApp, type TestApp } from '../../helpers/app';
import { type FakeTwilio, startFakeTwilio } from '../../helpers/fake-twilio';
import { addRelease, addSite, auditRows, eventRows, getRelease, outbound } from '../../helpers/fixtures';
import { buildTwilioApp, PUBLIC_URL } from '../sms/sms.helpers';
import { addResource, addVersion } from './resources.helpers';

describe('texting a sheet', () => {
  let fake: FakeTwilio;
  let t: TestApp;
  beforeEach(async () => {
    fake = await startFakeTwilio();
    t = await buildTwilioApp(fake);
  });
  afterEach(async () => {
    await t.close();
    await fake.close();
  });

  it('texts the link in the closest language through the outbox, audited without the phone', async () => {
    const coordinator = await t.signIn('coordinator');
    const sheet = await addResource(t, coordinator, { title: 'Derechos', tags: ['legal'] });
    await addVersion(t, coordinator, sheet.id, 'es');
    await addVersion(t, coordinator, sheet.id, 'en');
    const res = await t.call(coordinator, {
      method: 'POST',
      url: `/api/resources/${sheet.id}/send`,
      payload: { to: '(303) 555-0142', language: "K'iche'" },
    });
    expect(res.statusCode).toBe(201);
    const url = `${PUBLIC_URL}/r/${sheet.slug}?lang=es`;
    expect(res.json()).toMatchObject({ language: 'es', url });
    await t.app.services.sms.outbox.flush();
    expect(fake.received).toMatchObject([{ to: '+13035550142', body: `Bienvenida: Derechos ${url}` }]);
    expect(outbound(t, 'direct')).toMatchObject([
      { status: 'submitted', relatedType: 'resource', relatedId: sheet.id },
    ]);

    const [line] = auditRows(t, 'resource.sent');
    expect(line?.changes).toMatchObject({ to: '+1***42', language: 'es' });
    expect(JSON.stringify(line)).not.toContain('5550142');
    expect(eventRows(t, 'resource.sent')).toHaveLength(1);
    expect(JSON.stringify(eventRows(t, 'resource.sent'))).not.toContain('5550142');

    const bad = await t.call(coordinator, {
      method: 'POST',
      url: `/api/resources/${sheet.id}/send`,
      payload: { to: '12', language: 'es' },
    });
    expect(bad.statusCode).toBe(400);
    const viewer = await t.signIn('viewer');
    const refused = await t.call(viewer, {
      method: 'POST',
      url: `/api/resources/${sheet.id}/send`,
      payload: { to: '+13035550142', language: 'es' },
    });
    expect(refused.statusCode).toBe(403);
  });
});

describe('sheets for a release', () => {
  let t: TestApp;
  let coordinator: string;
  beforeEach(async () => {
    t = await buildTestApp();
    coordinator = await t.signIn('coordinator');
  });
  afterEach(() => t.close());

  it("bundles every sheet in the release's languages with QR codes, suggesting those its needs call for", async () => {
    const site = await addSite(t, coordinator);
    const release = await addRelease(t, coordinator, {
      siteId: site.id,
      languages: ['quc', 'es'],
      needs: ['covid_guidance', 'food'],
    });
    const bus = await addResource(t, coordinator, { title: 'Bus tips', tags: ['travel'] });
    await addVersion(t, coordinator, bus.id, 'en');
    const cdc = await addResource(t, coordinator, { title: 'CDC one-pager', tags: ['health'] });
    await addVersion(t, coordinator, cdc.id, 'es');
    await addVersion(t, coordinator, cdc.id, 'quc');
    await addResource(t, coordinator, { title: 'Draft, no versions' });

    const viewer = await t.signIn('viewer');
    const res = await t.call(viewer, { method: 'GET', url: `/api/releases/${release.id}/resources` });
    expect(res.statusCode).toBe(200);
    const bundle = res.json();
    expect(bundle.languages).toEqual(['quc', 'es']);
    expect(bundle.items.map((i: { title: string; suggested: boolean }) => [i.title, i.suggested])).toEqual([
      ['CDC one-pager', true],
      ['Bus tips', false],
    ]);
    expect(
      bundle.items[0].sheets.map((s: { wanted: string; served: string }) => [s.wanted, s.served]),
    ).toEqual([
      ['quc', 'quc'],
      ['es', 'es'],
    ]);
    // The bus sheet exists only in English: one sheet covers both languages.
    expect(bundle.items[1].sheets).toMatchObject([{ wanted: 'quc', served: 'en' }]);
    expect(bundle.items[0].sheets[0].qr).toMatch(/^<svg/);
  });

  it('ticks covid_guidance and legal_orientation when such sheets are printed or texted for the release', async () => {
    const site = await addSite(t, coordinator);
    const release = await addRelease(t, coordinator, {
      siteId: site.id,
      languages: ['es'],
      needs: ['covid_guidance', 'legal_orientation', 'food'],
    });
    const cdc = await addResource(t, coordinator, { title: 'CDC', tags: ['health'] });
    const rights = await addResource(t, coordinator, { title: 'Rights', tags: ['legal'] });
    const bus = await addResource(t, coordinator, { title: 'Bus', tags: ['travel'] });
    await addVersion(t, coordinator, rights.id, 'es');

    const printed = await t.call(coordinator, {
      method: 'POST',
      url: `/api/releases/${release.id}/resources/shared`,
      payload: { resourceIds: [cdc.id, bus.id] },
    });
    expect(printed.statusCode).toBe(200);
    expect(printed.json()).toEqual({ needsMet: ['covid_guidance'] });
    expect((await getRelease(t, coordinator, release.id)).needsMet).toEqual(['covid_guidance']);

    const sent = await t.call(coordinator, {
      method: 'POST',
      url: `/api/resources/${rights.id}/send`,
      payload: { to: '+13035550142', language: 'es', releaseId: release.id },
    });
    expect(sent.statusCode).toBe(201);
    const after = await getRelease(t, coordinator, release.id);
    expect(after.needsMet).toEqual(['covid_guidance', 'legal_orientation']);
    expect(after.needsOutstanding).toEqual(['food']);
    expect(auditRows(t, 'resource.shared')).toHaveLength(1);
    expect(eventRows(t, 'release.needs')).toHaveLength(2);

    const viewer = await t.signIn('viewer');
    const refused = await t.call(viewer, {
      method: 'POST',
      url: `/api/releases/${release.id}/resources/shared`,
      payload: { resourceIds: [cdc.id] },
    });
    expect(refused.statusCode).toBe(403);
    const missing = await t.call(coordinator, {
      method: 'POST',
      url: '/api/releases/9999/resources/shared',
      payload: { resourceIds: [cdc.id] },
    });
    expect(missing.statusCode).toBe(404);
  });

  it("counts the languages the last 90 days' releases needed and which sheets lack them", async () => {
    const site = await addSite(t, coordinator);
    await addRelease(t, coordinator, { siteId: site.id, languages: ['ht'] });
    t.clock.advance(91 * DAY);
    coordinator = await t.signIn('coordinator');
    await addRelease(t, coordinator, { siteId: site.id, languages: ['Spanish', 'Mam'] });
    await addRelease(t, coordinator, { siteId: site.id, languages: ['es'] });
    await addRelease(t, coordinator, { siteId: site.id, languages: ["K'iche'", 'es'] });
    const both = await addResource(t, coordinator, { title: 'A both' });
    await addVersion(t, coordinator, both.id, 'es');
    await addVersion(t, coordinator, both.id, 'mam');
    const english = await addResource(t, coordinator, { title: 'B english' });
    await addVersion(t, coordinator, english.id, 'en');

    const res = await t.call(await t.signIn('viewer'), { method: 'GET', url: '/api/resources/coverage' });
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ days: 90, releases: 3 });
    expect(report.languages).toEqual([
      { language: 'es', releases: 3 },
      { language: 'mam', releases: 1 },
      { language: 'quc', releases: 1 },
    ]);
    expect(report.resources).toEqual([
      { id: both.id, title: 'A both', tags: ['legal'], missing: [{ language: 'quc', releases: 1 }] },
      {
        id: english.id,
        title: 'B english',
        tags: ['legal'],
        missing: [
          { language: 'es', releases: 3 },
          { language: 'mam', releases: 1 },
          { language: 'quc', releases: 1 },
        ],
      },
    ]);
  });
});
