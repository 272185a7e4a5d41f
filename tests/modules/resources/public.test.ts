import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app';
import { addResource, addVersion, PNG_1PX, postVersion, TINY_PDF } from './resources.helpers';

describe('public sheet links', () => {
  let t: TestApp;
  let coordinator: string;
  beforeEach(async () => {
    t = await buildTestApp();
    coordinator = await t.signIn('coordinator');
  });
  afterEach(() => t.close());

  const open = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers });

  it('serves the asked language, or the closest, listing every language as links, without sign-in', async () => {
    const sheet = await addResource(t, coordinator, { title: 'Derechos', ownerId: undefined });
    await addVersion(
      t,
      coordinator,
      sheet.id,
      'es',
      'Usted tiene derechos.\n\n- Guarde silencio\n- Pida un abogado',
    );
    await addVersion(t, coordinator, sheet.id, 'en', 'You have rights.');

    const es = await open(`/r/${sheet.slug}?lang=es`);
    expect(es.statusCode).toBe(200);
    expect(es.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(es.body).toContain('<p>Usted tiene derechos.</p>');
    expect(es.body).toContain('<ul><li>Guarde silencio</li><li>Pida un abogado</li></ul>');
    expect(es.body).toContain(`<a lang="en" hreflang="en" href="/r/${sheet.slug}?lang=en">English</a>`);

    const quc = await open(`/r/${sheet.slug}?lang=quc`);
    expect(quc.headers['content-language']).toBe('es');
    expect(quc.body).toContain('Usted tiene derechos.');
    expect(quc.body).toContain('Se muestra en: español');

    const ru = await open(`/r/${sheet.slug}?lang=ru`);
    expect(ru.headers['content-language']).toBe('es');
    const browserEnglish = await open(`/r/${sheet.slug}`, { 'accept-language': 'en-US,en;q=0.9' });
    expect(browserEnglish.headers['content-language']).toBe('en');
  });

  it('carries no cookie, no tracking, no referrer and no script; it reveals nothing but the sheet', async () => {
    const viewer = await t.signIn('viewer');
    const other = await addResource(t, coordinator, { title: 'Other sheet' });
    await addVersion(t, coordinator, other.id, 'es', 'Otra');
    const sheet = await addResource(t, coordinator, { title: 'Clinic <b>list</b>' });
    await addVersion(
      t,
      coordinator,
      sheet.id,
      'es',
      '<script>alert(1)</script> & <img src=x onerror=alert(1)>',
    );

    const res = await open(`/r/${sheet.slug}?lang=es`, { cookie: viewer });
    expect(res.statusCode).toBe(200);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
    expect(res.body).not.toMatch(/<script|<img src=x/i);
    expect(res.body).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;',
    );
    expect(res.body).toContain('<title>Clinic &lt;b&gt;list&lt;/b&gt;</title>');
    // Nothing of the network: no other sheet, owner, internal id, or outside address.
    expect(res.body).not.toContain('Other sheet');
    expect(res.body).not.toContain(other.slug);
    expect(res.body).not.toMatch(/coordinator|example\.org|\/api\//);
    expect(res.body).not.toMatch(/https?:\/\//);
    expect(res.body).not.toContain(`"${sheet.id}"`);
  });

  it('answers every slug that opens nothing with the same 404, and rate-limits guessing', async () => {
    const empty = await addResource(t, coordinator, { title: 'No versions yet' });
    const sheet = await addResource(t, coordinator);
    await addVersion(t, coordinator, sheet.id, 'es');
    const answers = await Promise.all(
      [
        '/r/AAAAAAAAAAAAAAAAAAAAAA',
        `/r/${empty.slug}`,
        `/r/${sheet.slug.slice(0, -1)}`,
        `/r/${sheet.id}`,
        '/r/%27%20OR%201%3D1',
        `/r/${sheet.slug}/file?lang=es`,
        `/r/${empty.slug}/qr.svg`,
      ].map((url) => open(url)),
    );
    for (const res of answers) {
      expect(res.statusCode).toBe(404);
      expect(res.body).toBe(answers[0]!.body);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['content-type']).toBe(answers[0]!.headers['content-type']);
    }
    let last = 404;
    for (let i = 0; i < 130 && last !== 429; i += 1) last = (await open(`/r/guess${i}`)).statusCode;
    expect(last).toBe(429);
    // The limit is the address's, whatever it asks for next.
    expect((await open(`/r/${sheet.slug}`)).statusCode).toBe(429);
  });

  it('serves files with their own type, nosniff, and PDFs inline, with no script allowed', async () => {
    const sheet = await addResource(t, coordinator);
    await postVersion(t, coordinator, sheet.id, {
      language: 'es',
      file: TINY_PDF.toString('base64'),
      fileName: 'x.html',
    });
    await postVersion(t, coordinator, sheet.id, { language: 'en', file: PNG_1PX.toString('base64') });
    const pdf = await open(`/r/${sheet.slug}/file?lang=es`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe('inline');
    expect(pdf.headers['x-content-type-options']).toBe('nosniff');
    expect(String(pdf.headers['content-security-policy'])).toContain("default-src 'none'");
    expect(pdf.rawPayload.equals(TINY_PDF)).toBe(true);
    const png = await open(`/r/${sheet.slug}/file?lang=en`);
    expect(png.headers['content-type']).toBe('image/png');
    expect(String(png.headers['content-security-policy'])).toContain('sandbox');
    const page = await open(`/r/${sheet.slug}?lang=es`);
    expect(page.body).toContain(`href="/r/${sheet.slug}/file?lang=es"`);
    const image = await open(`/r/${sheet.slug}?lang=en`);
    expect(image.body).toContain(`<img src="/r/${sheet.slug}/file?lang=en"`);
  });

  it('draws a QR code of the public link in the language served', async () => {
    const sheet = await addResource(t, coordinator);
    await addVersion(t, coordinator, sheet.id, 'es');
    const qr = await open(`/r/${sheet.slug}/qr.svg?lang=mam`);
    expect(qr.statusCode).toBe(200);
    expect(qr.headers['content-type']).toBe('image/svg+xml');
    expect(qr.body).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(qr.body).not.toContain('<script');
    expect(qr.headers['set-cookie']).toBeUndefined();
  });
});
