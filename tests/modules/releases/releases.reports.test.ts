import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MINUTE } from '../../../server/lib/clock';
import { buildTestApp, type TestApp } from '../../helpers/app';
import { addRelease, addSite, auditRows, walk } from '../../helpers/fixtures';

describe('release reports', () => {
  let t: TestApp;
  let coordinator: string;
  let grey: number;
  let air: number;
  beforeEach(async () => {
    t = await buildTestApp();
    coordinator = await t.signIn('coordinator');
    grey = (await addSite(t, coordinator, { name: 'Greyhound' })).id;
    air = (await addSite(t, coordinator, { name: 'Airport' })).id;
  });
  afterEach(() => t.close());

  const report = (query: string) =>
    t.call(coordinator, { method: 'GET', url: `/api/reports/releases?${query}` });

  /** Reported now, met `minutes` later; the clock is left at the meeting. */
  async function metAfter(minutes: number, body: Record<string, unknown> & { siteId: number }) {
    const created = await addRelease(t, coordinator, body);
    t.clock.advance(minutes * MINUTE);
    await walk(t, coordinator, created.id, ['met']);
    return created;
  }

  /** Monday 2026-03-02 from 08:00 in Denver: three groups met after 20, 40 and 90 minutes. */
  async function busyMorning() {
    await metAfter(20, {
      siteId: grey,
      adults: 2,
      children: 1,
      languages: ['es', 'mam'],
      needs: ['food', 'water'],
    });
    await metAfter(40, { siteId: air, adults: 4, children: 0, languages: ['es'], needs: ['food'] });
    await metAfter(90, { siteId: grey, adults: 1, children: 1 });
    const cancelled = await addRelease(t, coordinator, { siteId: grey, adults: 10, children: 0 });
    await walk(t, coordinator, cancelled.id, ['cancelled']);
    await addRelease(t, coordinator, { siteId: air, adults: 6, children: 0, languages: ['ht'] });
  }

  it('counts people met in the range by day, site, language and need, with the median minutes to met', async () => {
    await busyMorning();
    const res = await report('from=2026-03-01&to=2026-03-03&period=day');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      from: '2026-03-01',
      to: '2026-03-03',
      period: 'day',
      releases: 3,
      people: 9,
      medianMinutesToMet: 40,
      series: [
        { start: '2026-03-01', people: 0 },
        { start: '2026-03-02', people: 9 },
        { start: '2026-03-03', people: 0 },
      ],
      bySite: [
        { site: 'Greyhound', people: 5 },
        { site: 'Airport', people: 4 },
      ],
      byLanguage: [
        { language: 'es', people: 7 },
        { language: 'mam', people: 3 },
        { language: 'unknown', people: 2 },
      ],
      byNeed: [
        { need: 'food', people: 7 },
        { need: 'water', people: 3 },
      ],
    });
  });

  it('groups by week starting on Monday and counts a meeting by its day in the network zone', async () => {
    await busyMorning();
    // 22:30 on Tuesday in Denver is already Wednesday in UTC.
    t.clock.set('2026-03-04T05:00:00Z');
    coordinator = await t.signIn('coordinator');
    await metAfter(30, { siteId: air, adults: 2, children: 2 });
    t.clock.set('2026-03-10T16:00:00Z');
    coordinator = await t.signIn('coordinator');
    await metAfter(10, { siteId: grey, adults: 5, children: 0 });

    const week = (await report('from=2026-03-01&to=2026-03-14&period=week')).json();
    expect(week.series).toEqual([
      { start: '2026-02-23', people: 0 },
      { start: '2026-03-02', people: 13 },
      { start: '2026-03-09', people: 5 },
    ]);
    expect(week).toMatchObject({ releases: 5, people: 18, medianMinutesToMet: 30 });

    const tuesday = (await report('from=2026-03-03&to=2026-03-03')).json();
    expect(tuesday).toMatchObject({ releases: 1, people: 4, medianMinutesToMet: 30 });
    const wednesday = (await report('from=2026-03-04&to=2026-03-04')).json();
    expect(wednesday).toMatchObject({ releases: 0, people: 0 });
  });

  it('takes the mean of the two middle times for an even count', async () => {
    await metAfter(20, { siteId: grey, adults: 1, children: 0 });
    await metAfter(45, { siteId: grey, adults: 1, children: 0 });
    expect((await report('from=2026-03-02&to=2026-03-02')).json().medianMinutesToMet).toBe(32.5);
  });

  it('answers zeros and no median for a range with nobody met', async () => {
    await busyMorning();
    const res = await report('from=2026-01-05&to=2026-01-07');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      from: '2026-01-05',
      to: '2026-01-07',
      period: 'day',
      releases: 0,
      people: 0,
      medianMinutesToMet: null,
      series: [
        { start: '2026-01-05', people: 0 },
        { start: '2026-01-06', people: 0 },
        { start: '2026-01-07', people: 0 },
      ],
      bySite: [],
      byLanguage: [],
      byNeed: [],
    });
  });

  it('covers the last 30 days up to today when no range is given', async () => {
    await busyMorning();
    const res = (await report('')).json();
    expect(res).toMatchObject({ from: '2026-02-01', to: '2026-03-02', period: 'day', people: 9 });
    expect(res.series).toHaveLength(30);
  });

  it.each([
    ['from after to', 'from=2026-03-05&to=2026-03-01', 'querystring.from'],
    ['a date that does not exist', 'from=2026-02-30&to=2026-03-01', 'querystring.from'],
    ['a date in another form', 'from=03/01/2026&to=2026-03-02', 'querystring.from'],
    ['an unknown period', 'from=2026-03-01&to=2026-03-02&period=month', 'querystring.period'],
    ['more than ten years', 'from=2000-01-01&to=2026-03-02', 'querystring.from'],
  ])('refuses %s with 400', async (_, query, path) => {
    const res = await report(query);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation');
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('lets a viewer read the report', async () => {
    const viewer = await t.signIn('viewer');
    const res = await t.call(viewer, {
      method: 'GET',
      url: '/api/reports/releases?from=2026-03-02&to=2026-03-02',
    });
    expect(res.statusCode).toBe(200);
  });
});

describe('release CSV export', () => {
  let t: TestApp;
  let coordinator: string;
  beforeEach(async () => {
    t = await buildTestApp();
    coordinator = await t.signIn('coordinator');
  });
  afterEach(() => t.close());

  const csv = (cookie: string | null, query = 'from=2026-03-01&to=2026-03-31') =>
    t.call(cookie, { method: 'GET', url: `/api/reports/releases.csv?${query}` });

  it('answers one row per release with no free text, and audits each export', async () => {
    const grey = (await addSite(t, coordinator, { name: 'Greyhound' })).id;
    const first = await addRelease(t, coordinator, {
      siteId: grey,
      adults: 3,
      children: 2,
      languages: ['es', "K'iche'"],
      needs: ['food', 'medical'],
      destination: 'Chicago-csv-destination',
      notes: 'csv-notes-must-not-leave',
    });
    t.clock.advance(25 * MINUTE);
    await walk(t, coordinator, first.id, ['met', 'closed']);
    await t.call(coordinator, {
      method: 'POST',
      url: `/api/releases/${first.id}/needs`,
      payload: { met: ['food'] },
    });
    await addRelease(t, coordinator, { siteId: grey, adults: 1, children: 0 });

    const res = await csv(coordinator);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="releases-2026-03-01-2026-03-31.csv"',
    );
    const lines = res.body.split('\r\n');
    expect(lines).toEqual([
      'code,site,status,reported_at,met_at,closed_at,adults,children,languages,needs,needs_met',
      `R-0001,Greyhound,closed,2026-03-02T08:00:00-07:00,2026-03-02T08:25:00-07:00,2026-03-02T08:25:00-07:00,3,2,"es; quc","food; medical",food`,
      'R-0002,Greyhound,reported,2026-03-02T08:25:00-07:00,,,1,0,,,',
      '',
    ]);
    expect(res.body).not.toMatch(/notes|destination|csv-notes-must-not-leave|Chicago-csv-destination/);

    await csv(coordinator, 'from=2026-03-02&to=2026-03-02');
    const audited = auditRows(t, 'report.exported');
    expect(audited.map((a) => a.changes)).toEqual([
      { from: '2026-03-01', to: '2026-03-31', format: 'csv' },
      { from: '2026-03-02', to: '2026-03-02', format: 'csv' },
    ]);
    expect(audited[0]!.userId).not.toBeNull();
  });

  it.each([
    ['=HYPERLINK("http://evil.example","Open")', `"'=HYPERLINK(""http://evil.example"",""Open"")"`],
    ['=1+2', "'=1+2"],
    ['+15551234567', "'+15551234567"],
    ['-2 gate', "'-2 gate"],
    ['@SUM(A1)', "'@SUM(A1)"],
  ])('neutralises a site named %s so a spreadsheet does not run it', async (name, cell) => {
    const siteId = (await addSite(t, coordinator, { name })).id;
    await addRelease(t, coordinator, { siteId });
    const row = (await csv(coordinator)).body.split('\r\n')[1]!;
    expect(row.startsWith(`R-0001,${cell},reported,`)).toBe(true);
  });

  it('leaves out releases reported outside the range', async () => {
    const siteId = (await addSite(t, coordinator)).id;
    await addRelease(t, coordinator, { siteId });
    const res = await csv(coordinator, 'from=2026-03-03&to=2026-03-31');
    expect(res.body).toBe(
      'code,site,status,reported_at,met_at,closed_at,adults,children,languages,needs,needs_met\r\n',
    );
  });

  it('is for admins and coordinators: a viewer gets 403 and nothing is audited', async () => {
    const viewer = await t.signIn('viewer');
    const refused = await csv(viewer);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('forbidden');
    expect(auditRows(t, 'report.exported')).toHaveLength(0);
    const admin = await t.signIn('admin');
    expect((await csv(admin)).statusCode).toBe(200);
    expect(auditRows(t, 'report.exported')).toHaveLength(1);
    expect((await csv(null)).statusCode).toBe(401);
  });

  it('refuses a range that ends before it starts, without auditing', async () => {
    const res = await csv(coordinator, 'from=2026-03-05&to=2026-03-01');
    expect(res.statusCode).toBe(400);
    expect(auditRows(t, 'report.exported')).toHaveLength(0);
  });
});
