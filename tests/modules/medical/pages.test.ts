import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock, MINUTE } from '../../../server/lib/clock';
import { buildTestApp, type TestApp, withAppOn } from '../../helpers/app';
import { addRelease, addSite, auditRows, eventRows, outbound, text } from '../../helpers/fixtures';
import { DOCTOR, EMT, LEAD, medicalNetwork, NURSE } from './medical.helpers';

function pageOf(t: TestApp, cookie: string, body: Record<string, unknown>) {
  return t.call(cookie, { method: 'POST', url: '/api/medical/pages', payload: body });
}

async function getPage(t: TestApp, id: number) {
  const cookie = await t.signIn('medical');
  return (await t.call(cookie, { method: 'GET', url: `/api/medical/pages/${id}` })).json();
}

describe('paging the person on call', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp();
  });
  afterEach(() => t.close());

  it('texts the primary with a code, and their ACK takes the page', async () => {
    const n = await medicalNetwork(t);
    const site = await addSite(t, n.coordinator);
    const release = await addRelease(t, n.coordinator, { siteId: site.id, needs: ['medical'] });
    const res = await pageOf(t, n.coordinator, { releaseId: release.id, reason: 'child with fever' });
    expect(res.statusCode).toBe(201);
    const page = res.json();
    expect(page).toMatchObject({ status: 'triggered', level: 'primary', releaseCode: release.code });
    // The doctor is on call and reads Spanish.
    const [sent] = outbound(t).filter((m) => m.phone === DOCTOR);
    expect(sent!.body).toMatch(
      new RegExp(
        `^Bienvenida aviso ${page.code}: child with fever \\(${release.code}\\)\\. Llame a .+ \\${LEAD}\\. Responda OK ${page.code} al recibirlo\\.$`,
      ),
    );
    expect(sent!.kind).toBe('page');

    await text(t, n.coordinator, DOCTOR, `ok ${page.code}`);
    const after = await getPage(t, page.id);
    expect(after).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'Diego Doctor' });
    expect(after.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'created',
      'notified',
      'acknowledged',
    ]);
    expect(
      outbound(t)
        .filter((m) => m.phone === DOCTOR)
        .at(-1)!.body,
    ).toContain(`el aviso ${page.code} es suyo`);
    expect(eventRows(t, 'page.acknowledged')).toHaveLength(1);

    // Acknowledged pages never escalate.
    t.clock.advance(60 * MINUTE);
    await t.app.core.scheduler.runDue();
    expect(outbound(t).filter((m) => m.phone === EMT)).toEqual([]);
  });

  it('refuses a wrong code, someone else’s code and a late one, changing nothing', async () => {
    const n = await medicalNetwork(t);
    const page = (await pageOf(t, n.coordinator, { reason: 'adult fainted' })).json();
    const wrong = page.code === '9999' ? '9998' : '9999';
    await text(t, n.coordinator, DOCTOR, `ACK ${wrong}`);
    await text(t, n.coordinator, NURSE, `ACK ${page.code}`);
    expect((await getPage(t, page.id)).status).toBe('triggered');
    const replies = outbound(t).filter((m) => m.kind === 'reply');
    expect(replies.map((m) => [m.phone, m.body])).toEqual([
      [DOCTOR, `No tiene un aviso abierto ${wrong}. Responda OK con el codigo del aviso.`],
      [NURSE, `No open page ${page.code} for you. Reply ACK with the code in the page.`],
    ]);
    // Unanswered through every level: exhausted; an ACK then is too late.
    for (let i = 0; i < 3; i += 1) {
      t.clock.advance(10 * MINUTE);
      await t.app.core.scheduler.runDue();
    }
    expect((await getPage(t, page.id)).status).toBe('exhausted');
    await text(t, n.coordinator, DOCTOR, `ACK ${page.code}`);
    expect(
      outbound(t)
        .filter((m) => m.phone === DOCTOR)
        .at(-1)!.body,
    ).toBe(`El aviso ${page.code} ya esta cerrado. Gracias!`);
    expect((await getPage(t, page.id)).status).toBe('exhausted');
    const stranger = await text(t, n.coordinator, '+13035550177', `ACK ${page.code}`);
    expect(stranger).toBeTruthy();
    expect(auditRows(t, 'page.acknowledged')).toEqual([]);
  });

  it('is resolved by medical staff, and answers bad input with a 400 naming the field', async () => {
    const n = await medicalNetwork(t);
    const bad = await pageOf(t, n.coordinator, { reason: 'x', releaseId: 999, diagnosis: 'flu' });
    expect(bad.statusCode).toBe(400);
    const page = (await pageOf(t, n.coordinator, { reason: 'adult fainted' })).json();
    const medical = await t.signIn('medical');
    const resolved = await t.call(medical, {
      method: 'POST',
      url: `/api/medical/pages/${page.id}/resolve`,
      payload: {},
    });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json().status).toBe('resolved');
    const viewer = await t.signIn('viewer');
    expect((await pageOf(t, viewer, { reason: 'adult fainted' })).statusCode).toBe(403);
  });
});

describe('acknowledging at each level', () => {
  it('lets the backup take a page the primary did not answer, and the page stops there', async () => {
    const t = await buildTestApp();
    try {
      const n = await medicalNetwork(t);
      const page = (await pageOf(t, n.coordinator, { reason: 'adult fainted' })).json();
      t.clock.advance(10 * MINUTE);
      await t.app.core.scheduler.runDue();
      expect((await getPage(t, page.id)).level).toBe('backup');
      await text(t, n.coordinator, EMT, `ack ${page.code}`);
      const after = await getPage(t, page.id);
      expect(after).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'Eva EMT', level: 'backup' });
      // The primary answering late is told who has it.
      await text(t, n.coordinator, DOCTOR, `OK ${page.code}`);
      expect(
        outbound(t)
          .filter((m) => m.phone === DOCTOR)
          .at(-1)!.body,
      ).toBe(`El aviso ${page.code} ya lo respondio Eva EMT. Gracias!`);
      t.clock.advance(30 * MINUTE);
      await t.app.core.scheduler.runDue();
      expect(outbound(t).filter((m) => m.phone === LEAD && m.kind === 'page')).toEqual([]);
    } finally {
      await t.close();
    }
  });
});

describe('acknowledging once the coordinators have it', () => {
  it('still lets a medical contact who was paged take it, and nothing more is sent', async () => {
    const t = await buildTestApp();
    try {
      const n = await medicalNetwork(t);
      const page = (await pageOf(t, n.coordinator, { reason: 'adult fainted' })).json();
      for (let i = 0; i < 2; i += 1) {
        t.clock.advance(10 * MINUTE);
        await t.app.core.scheduler.runDue();
      }
      expect((await getPage(t, page.id)).level).toBe('coordinators');
      await text(t, n.coordinator, DOCTOR, `OK ${page.code}`);
      expect(await getPage(t, page.id)).toMatchObject({
        status: 'acknowledged',
        acknowledgedBy: 'Diego Doctor',
      });
      const sent = outbound(t).filter((m) => m.kind === 'page').length;
      t.clock.advance(30 * MINUTE);
      await t.app.core.scheduler.runDue();
      expect(outbound(t).filter((m) => m.kind === 'page')).toHaveLength(sent);
      expect((await getPage(t, page.id)).status).toBe('acknowledged');
    } finally {
      await t.close();
    }
  });
});

describe('escalation across a restart', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bv-pages-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('goes primary → backup → coordinators → exhausted, each step once, with a restart in the middle', async () => {
    const file = path.join(dir, 'bienvenida.db');
    const clock = new FakeClock('2026-03-02T15:00:00Z');
    const id = await withAppOn(file, clock, async (t) => {
      const n = await medicalNetwork(t);
      const page = (await pageOf(t, n.coordinator, { reason: 'adult with chest pain' })).json();
      await t.app.core.scheduler.runDue();
      expect(
        outbound(t)
          .filter((m) => m.kind === 'page')
          .map((m) => m.phone),
      ).toEqual([DOCTOR]);
      return page.id as number;
    });

    clock.advance(10 * MINUTE);
    await withAppOn(file, clock, async (t) => {
      await t.app.core.scheduler.runDue();
      await t.app.core.scheduler.runDue();
      expect(
        outbound(t)
          .filter((m) => m.kind === 'page')
          .map((m) => m.phone),
      ).toEqual([DOCTOR, EMT]);
      expect((await getPage(t, id)).level).toBe('backup');
    });

    clock.advance(10 * MINUTE);
    await withAppOn(file, clock, async (t) => {
      await t.app.core.scheduler.runDue();
      expect(
        outbound(t)
          .filter((m) => m.kind === 'page')
          .map((m) => m.phone),
      ).toEqual([DOCTOR, EMT, LEAD]);
      clock.advance(10 * MINUTE);
      await t.app.core.scheduler.runDue();
      await t.app.core.scheduler.runDue();
      const page = await getPage(t, id);
      expect(page.status).toBe('exhausted');
      expect(
        page.timeline.map((e: { kind: string; level: string | null }) => `${e.kind}:${e.level ?? ''}`),
      ).toEqual([
        'created:',
        'notified:primary',
        'escalated:backup',
        'notified:backup',
        'escalated:coordinators',
        'notified:coordinators',
        'exhausted:coordinators',
      ]);
      expect(outbound(t).filter((m) => m.kind === 'page')).toHaveLength(3);
    });
  });
});
