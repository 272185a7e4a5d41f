import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../../../server/lib/clock';
import { closestLanguage } from '../../../shared/resources';
import { buildTestApp, type TestApp } from '../../helpers/app';
import { auditRows, eventRows } from '../../helpers/fixtures';
import {
  addResource,
  addVersion,
  PNG_1PX,
  postVersion,
  type ResourceView,
  TINY_PDF,
} from './resources.helpers';

describe('the fallback order', () => {
  it('serves the same language, then its near languages, then Spanish, then English, then any', () => {
    expect(closestLanguage('fr', ['en', 'es', 'fr'])).toBe('fr');
    expect(closestLanguage('es-MX', ['en', 'es'])).toBe('es');
    expect(closestLanguage('es', ['en', 'es-MX'])).toBe('es-MX');
    // K'iche' readers were schooled in Spanish, whatever else the sheet has.
    expect(closestLanguage('quc', ['en', 'es', 'fr'])).toBe('es');
    expect(closestLanguage('ht', ['en', 'es', 'fr'])).toBe('fr');
    expect(closestLanguage('ht', ['en', 'es'])).toBe('es');
    expect(closestLanguage('ru', ['en', 'pt'])).toBe('en');
    expect(closestLanguage('ru', ['pt', 'fr'])).toBe('fr');
    expect(closestLanguage('es', [])).toBeNull();
  });
});

describe('the library', () => {
  let t: TestApp;
  let coordinator: string;
  beforeEach(async () => {
    t = await buildTestApp();
    coordinator = await t.signIn('coordinator');
  });
  afterEach(() => t.close());

  it('keeps one version per language, replacing a language on a new upload, audited and live', async () => {
    const sheet = await addResource(t, coordinator, { title: 'Clinic list', tags: ['health', 'health'] });
    expect(sheet).toMatchObject({ tags: ['health'], versions: [], stale: false });
    expect(sheet.slug).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(sheet.url).toBe(`${t.config.PUBLIC_URL}/r/${sheet.slug}`);
    await addVersion(t, coordinator, sheet.id, 'Spanish', 'Clinica abierta');
    await addVersion(t, coordinator, sheet.id, 'en', 'Clinic open');
    const replaced = await addVersion(t, coordinator, sheet.id, 'español', 'Clinica abierta 24 horas');
    expect(replaced.versions.map((v) => [v.language, v.body])).toEqual([
      ['en', 'Clinic open'],
      ['es', 'Clinica abierta 24 horas'],
    ]);
    const png = await postVersion(t, coordinator, sheet.id, {
      language: 'quc',
      file: PNG_1PX.toString('base64'),
      fileName: 'mapa.png',
    });
    expect(png.statusCode).toBe(201);
    expect(png.json().versions).toContainEqual(
      expect.objectContaining({
        language: 'quc',
        kind: 'file',
        mime: 'image/png',
        bytes: PNG_1PX.length,
        body: null,
      }),
    );
    const removed = await t.call(coordinator, {
      method: 'DELETE',
      url: `/api/resources/${sheet.id}/versions/en`,
    });
    expect(removed.json().versions.map((v: { language: string }) => v.language)).toEqual(['es', 'quc']);

    expect(auditRows(t, 'resource.version_added')).toHaveLength(4);
    expect(
      eventRows(t, 'resource.version_added').map((e) => (e.data as { language: string }).language),
    ).toEqual(['es', 'en', 'es', 'quc']);
    expect(eventRows(t, 'resource.version_removed')).toHaveLength(1);
  });

  it('accepts PDFs and images by their content and refuses anything else, whatever its name', async () => {
    const sheet = await addResource(t, coordinator);
    const upload = (file: Buffer, fileName: string) =>
      postVersion(t, coordinator, sheet.id, { language: 'es', file: file.toString('base64'), fileName });
    expect((await upload(TINY_PDF, 'derechos.pdf')).json().versions[0]).toMatchObject({
      mime: 'application/pdf',
    });
    // A PDF named like an image is still a PDF.
    expect((await upload(TINY_PDF, 'derechos.png')).json().versions[0]).toMatchObject({
      mime: 'application/pdf',
    });

    const html = await upload(Buffer.from('<html><script>alert(1)</script></html>'), 'derechos.pdf');
    expect(html.statusCode).toBe(400);
    expect(html.json().error.details).toEqual([
      { path: 'body.file', message: 'must be a PDF or a PNG, JPEG or WebP image' },
    ]);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect((await upload(svg, 'qr.svg')).statusCode).toBe(400);
    expect((await upload(svg, 'qr.png')).statusCode).toBe(400);
    expect(
      (await postVersion(t, coordinator, sheet.id, { language: 'es', file: 'not base64!' })).statusCode,
    ).toBe(400);
    const both = await postVersion(t, coordinator, sheet.id, {
      language: 'es',
      body: 'x',
      file: TINY_PDF.toString('base64'),
    });
    expect(both.statusCode).toBe(400);

    // The version that was there stays as it was.
    const kept = await t.call(coordinator, { method: 'GET', url: `/api/resources/${sheet.id}` });
    expect(kept.json().versions).toEqual([
      expect.objectContaining({ language: 'es', mime: 'application/pdf' }),
    ]);
  });

  it('takes an upload only as JSON, so a cross-site form cannot post one', async () => {
    const sheet = await addResource(t, coordinator);
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const res = await t.call(coordinator, {
        method: 'POST',
        url: `/api/resources/${sheet.id}/versions`,
        headers: { 'content-type': type },
        payload: JSON.stringify({ language: 'es', file: TINY_PDF.toString('base64') }),
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('csrf_refused');
    }
    const kept = await t.call(coordinator, { method: 'GET', url: `/api/resources/${sheet.id}` });
    expect(kept.json().versions).toEqual([]);
  });

  it('refuses a file over RESOURCE_MAX_BYTES with 413, and a body far beyond it before reading it', async () => {
    await t.close();
    t = await buildTestApp({ env: { RESOURCE_MAX_BYTES: String(20 * 1024) } });
    coordinator = await t.signIn('coordinator');
    const sheet = await addResource(t, coordinator);
    const big = Buffer.concat([TINY_PDF, Buffer.alloc(20 * 1024)]);
    const res = await postVersion(t, coordinator, sheet.id, { language: 'es', file: big.toString('base64') });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'file_too_large', details: [{ path: 'body.file' }] });
    const huge = Buffer.concat([TINY_PDF, Buffer.alloc(200 * 1024)]);
    const refused = await postVersion(t, coordinator, sheet.id, {
      language: 'es',
      file: huge.toString('base64'),
    });
    expect(refused.statusCode).toBe(413);
    const ok = Buffer.concat([TINY_PDF, Buffer.alloc(10 * 1024)]);
    expect(
      (await postVersion(t, coordinator, sheet.id, { language: 'es', file: ok.toString('base64') }))
        .statusCode,
    ).toBe(201);
  });

  it('flags a sheet stale once its review-by date has passed in the network, on the fake clock', async () => {
    // 2026-03-02T15:00Z is 08:00 on 2 March in Denver.
    const sheet = await addResource(t, coordinator, { reviewBy: '2026-03-02' });
    // Sessions idle out over these hours: each look is a fresh sign-in.
    const stale = async () =>
      (await t.call(await t.signIn('viewer'), { method: 'GET', url: '/api/resources' }))
        .json()
        .items.find((r: ResourceView) => r.id === sheet.id).stale;
    expect(await stale()).toBe(false);
    // 23:59 on 2 March in Denver (06:59 UTC on 3 March): the review-by day is not over yet.
    t.clock.advance(16 * HOUR - MINUTE);
    expect(await stale()).toBe(false);
    t.clock.advance(MINUTE);
    expect(await stale()).toBe(true);
    const later = await t.signIn('coordinator');
    await t.call(later, {
      method: 'PATCH',
      url: `/api/resources/${sheet.id}`,
      payload: { reviewBy: '2026-09-01' },
    });
    expect(await stale()).toBe(false);
  });

  it('filters by tag and names the owner', async () => {
    const viewer = await t.signIn('viewer');
    await addResource(t, coordinator, { title: 'Bus tips', tags: ['travel'] });
    await addResource(t, coordinator, { title: 'Rights', tags: ['legal'] });
    const res = await t.call(viewer, { method: 'GET', url: '/api/resources?tag=travel' });
    expect(res.json().items.map((r: ResourceView) => r.title)).toEqual(['Bus tips']);
    expect(res.json().items[0].ownerName).toMatch(/^coordinator/);
    expect((await t.call(viewer, { method: 'GET', url: '/api/resources?tag=nope' })).statusCode).toBe(400);
  });

  it('lets viewers and medical staff read the library but only coordinators and admins change it', async () => {
    const sheet = await addResource(t, coordinator);
    for (const role of ['viewer', 'medical'] as const) {
      const cookie = await t.signIn(role);
      expect((await t.call(cookie, { method: 'GET', url: `/api/resources/${sheet.id}` })).statusCode).toBe(
        200,
      );
      expect(
        (await t.call(cookie, { method: 'POST', url: '/api/resources', payload: { title: 'x', tags: [] } }))
          .statusCode,
      ).toBe(403);
      expect((await postVersion(t, cookie, sheet.id, { language: 'es', body: 'x' })).statusCode).toBe(403);
      expect((await t.call(cookie, { method: 'DELETE', url: `/api/resources/${sheet.id}` })).statusCode).toBe(
        403,
      );
    }
    const admin = await t.signIn('admin');
    expect((await t.call(admin, { method: 'DELETE', url: `/api/resources/${sheet.id}` })).statusCode).toBe(
      204,
    );
    expect((await t.call(admin, { method: 'GET', url: `/api/resources/${sheet.id}` })).statusCode).toBe(404);
  });
});
