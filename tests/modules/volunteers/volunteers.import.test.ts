import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { volunteers } from '../../../db/schema';
import { buildRosterApp, type TestApp } from '../../helpers/app';
import { addVolunteer, auditRows } from '../../helpers/fixtures';

describe('volunteer CSV import', () => {
  let t: TestApp;
  let coordinator: string;
  beforeEach(async () => {
    t = await buildRosterApp();
    coordinator = await t.signIn('coordinator');
  });
  afterEach(() => t.close());

  const rows = () => t.db.select().from(volunteers).all();
  const upload = (csv: string, contentType = 'text/csv') =>
    t.call(coordinator, {
      method: 'POST',
      url: '/api/volunteers/import',
      payload: csv,
      headers: { 'content-type': contentType },
    });

  it('adds the good rows, updates a known phone and refuses the others, each with its row number and reasons', async () => {
    const existing = await addVolunteer(t, coordinator, { name: 'Already Here', phone: '720-555-0100' });
    const csv = [
      'Name,Phone,Languages,Skills,High risk,Active,SMS language',
      "Ana Lopez,(303) 555-0142,es; K'iche',driver|Interpreter,no,yes,es", // 2 good
      'Beto Ruiz,555-0142,es,,,,', // 3 bad phone
      ',303-555-0143,en,,,,', // 4 no name
      'Carla Paz,303-555-0144,en,,maybe,,', // 5 bad boolean
      'Dup Of Existing,+1 720 555 0100,en,,,,', // 6 a volunteer already there: updated
      'Eva Luna,303.555.0145,"es,en",housing host,,no,', // 7 good
      'Ana Again,303 555 0142,es,,,,', // 8 duplicate of row 2
      'Fer Gil,303-555-0146,es,juggler,,,', // 9 unknown skill
    ].join('\n');
    const res = await upload(`${csv}\n`);
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ added: 2, updated: 1, refused: 5 });
    expect(report.rows.map((r: { row: number; status: string }) => [r.row, r.status])).toEqual([
      [2, 'added'],
      [3, 'refused'],
      [4, 'refused'],
      [5, 'refused'],
      [6, 'updated'],
      [7, 'added'],
      [8, 'refused'],
      [9, 'refused'],
    ]);
    const byRow = new Map(report.rows.map((r: { row: number }) => [r.row, r]));
    const errorPaths = (row: number) =>
      (byRow.get(row) as { errors: Array<{ path: string }> }).errors.map((e) => e.path);
    expect(errorPaths(3)).toEqual(['phone']);
    expect(errorPaths(4)).toEqual(['name']);
    expect(errorPaths(5)).toEqual(['highRisk']);
    expect(byRow.get(6)).toMatchObject({ id: existing.id, name: 'Dup Of Existing' });
    expect(byRow.get(8)).toMatchObject({
      name: 'Ana Again',
      errors: [{ path: 'phone', code: 'duplicate_phone' }],
    });
    expect(byRow.get(3)).toMatchObject({ errors: [{ path: 'phone', code: 'validation' }] });
    expect(errorPaths(9)).toEqual(['skills.0']);
    expect(byRow.get(4)).toMatchObject({ name: null });

    const stored = rows().sort((a, b) => a.id - b.id);
    expect(stored.map((v) => v.phone)).toEqual([existing.phone, '+13035550142', '+13035550145']);
    expect(stored[1]).toMatchObject({
      name: 'Ana Lopez',
      languages: ['es', 'quc'],
      skills: ['driver', 'interpreter'],
      highRisk: false,
      active: true,
      smsLanguage: 'es',
    });
    expect(stored[2]).toMatchObject({
      name: 'Eva Luna',
      languages: ['es', 'en'],
      skills: ['housing_host'],
      active: false,
      smsLanguage: 'en',
    });
    expect(byRow.get(2)).toMatchObject({ id: stored[1]!.id, name: 'Ana Lopez' });
    // One audit line per added row; a refused row leaves no trace in the tables.
    expect(auditRows(t, 'volunteer.created')).toHaveLength(3);
  });

  it('reads Spanish headings and accents in them', async () => {
    const res = await upload('\uFEFFNombre,Teléfono,Idiomas,Activo\nLuz Mar,303-555-0150,es,sí\n');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ added: 1, refused: 0 });
    expect(rows()).toMatchObject([
      { name: 'Luz Mar', phone: '+13035550150', languages: ['es'], active: true },
    ]);
  });

  it('passes over blank rows but keeps counting them, as the spreadsheet does', async () => {
    const res = await upload('name,phone\n\nAna,303-555-0142\n,\nBad,12\n\n');
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ added: 1, refused: 1 });
    expect(report.rows.map((r: { row: number; status: string }) => [r.row, r.status])).toEqual([
      [3, 'added'],
      [5, 'refused'],
    ]);
  });

  it('counts a quoted cell with a line break as one row', async () => {
    const res = await upload('name,phone,skills\n"Ana\nLopez",303-555-0142,\nBad,12,\n');
    expect(res.json().rows.map((r: { row: number }) => r.row)).toEqual([2, 3]);
  });

  it.each([
    ['without name and phone headings', 'nombre completo,celular numero\nAna,303-555-0142\n'],
    ['with only a header that lacks them', 'first,last\n'],
    ['that is empty', ''],
    ['with an unclosed quote', 'name,phone\n"Ana,303-555-0142\n'],
  ])('refuses a file %s with 400, adding nobody', async (_what, csv) => {
    const res = await upload(csv);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation');
    expect(res.body).not.toMatch(/\n\s+at /);
    expect(rows()).toHaveLength(0);
  });

  it('answers a JSON body with a 4xx, never a 500', async () => {
    const res = await t.call(coordinator, {
      method: 'POST',
      url: '/api/volunteers/import',
      payload: { csv: 'name,phone\nAna,303-555-0142' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ path: 'body', message: expect.any(String) }]);
    expect(rows()).toHaveLength(0);
  });

  it('refuses a form-encoded post (as another site could send) with 403', async () => {
    const res = await upload('name=Ana&phone=3035550142', 'application/x-www-form-urlencoded');
    expect(res.statusCode).toBe(403);
    expect(rows()).toHaveLength(0);
  });

  it('accepts text/csv with a charset', async () => {
    const res = await upload('name,phone\nAna,303-555-0142\n', 'text/csv; charset=utf-8');
    expect(res.statusCode).toBe(200);
    expect(res.json().added).toBe(1);
  });

  it('answers a retried upload with the same Idempotency-Key with the first report', async () => {
    const send = () =>
      t.call(coordinator, {
        method: 'POST',
        url: '/api/volunteers/import',
        payload: 'name,phone\nAna,303-555-0142\nBeto,303-555-0143\n',
        headers: { 'content-type': 'text/csv', 'idempotency-key': 'roster-upload-1' },
      });
    const first = await send();
    expect(first.json()).toMatchObject({ added: 2, refused: 0 });
    const retry = await send();
    expect(retry.statusCode).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    expect(rows()).toHaveLength(2);
  });

  it('refuses more than 5000 rows with 400 before adding any', async () => {
    const lines = Array.from({ length: 5001 }, (_, i) => `V${i},+1303555${String(i).padStart(4, '0')}`);
    const res = await upload(`name,phone\n${lines.join('\n')}\n`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].message).toMatch(/5000/);
    expect(rows()).toHaveLength(0);
  });
});

describe('volunteer CSV re-import', () => {
  let t: TestApp;
  let coordinator: string;
  beforeEach(async () => {
    t = await buildRosterApp();
    coordinator = await t.signIn('coordinator');
  });
  afterEach(() => t.close());

  const upload = (csv: string, query = '') =>
    t.call(coordinator, {
      method: 'POST',
      url: `/api/volunteers/import${query}`,
      payload: csv,
      headers: { 'content-type': 'text/csv' },
    });
  const roster = async () =>
    (await t.call(coordinator, { method: 'GET', url: '/api/volunteers' })).json().items as Array<{
      name: string;
      languages: string[];
      active: boolean;
    }>;

  it('updates the volunteers a sheet already added from the cells it fills, storing languages as codes', async () => {
    const first = await upload(
      'name,phone,languages\nAna Lopez,303-555-0142,English\nBeto Ruiz,303-555-0143,Spanish\n',
    );
    expect(first.json()).toMatchObject({ added: 2, updated: 0, refused: 0 });
    expect((await roster()).map((v) => v.languages)).toEqual([['en'], ['es']]);

    const again = await upload(
      'name,phone,languages,active\nAna López,(303) 555-0142,"English, español",\nBeto Ruiz,303-555-0143,,no\n',
    );
    expect(again.json()).toMatchObject({ added: 0, updated: 2, skipped: 0, refused: 0 });
    expect((await roster()).map((v) => [v.name, v.languages, v.active])).toEqual([
      ['Ana López', ['en', 'es'], true],
      ['Beto Ruiz', ['es'], false],
    ]);
    expect(auditRows(t, 'volunteer.updated')).toHaveLength(2);
  });

  it('leaves known volunteers as they are with existing=skip', async () => {
    await upload('name,phone,languages\nAna Lopez,303-555-0142,en\n');
    const res = await upload(
      'name,phone,languages\nAna Renamed,303-555-0142,fr\nCruz Diaz,303-555-0144,es\n',
      '?existing=skip',
    );
    expect(res.json()).toMatchObject({ added: 1, updated: 0, skipped: 1, refused: 0 });
    expect((await roster()).map((v) => v.name)).toEqual(['Ana Lopez', 'Cruz Diaz']);
  });
});
