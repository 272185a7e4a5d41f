import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../helpers/app';
import { outbound, text } from '../../helpers/fixtures';
import { DOCTOR, EMT, type MedicalNetwork, medicalNetwork, NURSE } from './medical.helpers';

// The test clock starts at 2026-03-02T15:00Z, Monday 08:00 in Denver: the doctor's turn has just begun.
describe('who is on call', () => {
  let t: TestApp;
  let n: MedicalNetwork;
  beforeEach(async () => {
    t = await buildTestApp();
    n = await medicalNetwork(t);
  });
  afterEach(() => t.close());

  it('answers primary and backup, until when, and who is next', async () => {
    const res = await t.call(n.coordinator, { method: 'GET', url: '/api/medical/oncall' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      at: '2026-03-02T08:00:00-07:00',
      primary: {
        contactId: n.doctor,
        name: 'Diego Doctor',
        phone: DOCTOR,
        until: '2026-03-03T08:00:00-07:00',
        override: false,
        next: { contactId: n.nurse, name: 'Nora Nurse' },
      },
      backup: {
        contactId: n.emt,
        name: 'Eva EMT',
        phone: EMT,
        until: '2026-03-08T08:00:00-06:00',
        override: false,
        next: { contactId: n.emt, name: 'Eva EMT' },
      },
    });
    const night = await t.call(n.coordinator, {
      method: 'GET',
      url: '/api/medical/oncall?at=2026-03-03T07:59:00-07:00',
    });
    expect(night.json().primary.name).toBe('Diego Doctor');
    const morning = await t.call(n.coordinator, {
      method: 'GET',
      url: '/api/medical/oncall?at=2026-03-03T08:00:00-07:00',
    });
    expect(morning.json().primary.name).toBe('Nora Nurse');
  });

  it('puts an override on top of the rotation and flags the gaps of the next 14 days', async () => {
    const cover = await t.call(n.coordinator, {
      method: 'POST',
      url: `/api/medical/schedules/${n.primary}/overrides`,
      payload: {
        contactId: n.emt,
        startsAt: '2026-03-02T20:00:00-07:00',
        endsAt: '2026-03-03T02:00:00-07:00',
      },
    });
    expect(cover.statusCode).toBe(201);
    const during = await t.call(n.coordinator, {
      method: 'GET',
      url: '/api/medical/oncall?at=2026-03-02T23:00:00-07:00',
    });
    expect(during.json().primary).toMatchObject({
      name: 'Eva EMT',
      override: true,
      until: '2026-03-03T02:00:00-07:00',
    });
    expect(during.json().primary.next).toEqual({ contactId: n.doctor, name: 'Diego Doctor' });
    const before = await t.call(n.coordinator, {
      method: 'GET',
      url: '/api/medical/oncall?at=2026-03-02T19:00:00-07:00',
    });
    expect(before.json().primary).toMatchObject({ name: 'Diego Doctor', until: '2026-03-02T20:00:00-07:00' });

    // The nurse stops taking calls: her turns become gaps.
    await t.call(n.coordinator, {
      method: 'PATCH',
      url: `/api/medical/contacts/${n.nurse}`,
      payload: { active: false },
    });
    const schedules = (await t.call(n.coordinator, { method: 'GET', url: '/api/medical/schedules' })).json();
    expect(schedules.items[0].overrides).toHaveLength(1);
    expect(schedules.gaps[0]).toEqual({ from: '2026-03-03T08:00:00-07:00', to: '2026-03-04T08:00:00-07:00' });
    expect(schedules.gaps).toHaveLength(7);
  });

  it('shows contact phones to medical staff and coordinators, never to viewers', async () => {
    for (const role of ['medical', 'coordinator', 'admin'] as const) {
      const cookie = await t.signIn(role);
      const list = (await t.call(cookie, { method: 'GET', url: '/api/medical/contacts' })).json().items;
      expect(list.map((c: { phone: string }) => c.phone).sort()).toEqual([DOCTOR, EMT, NURSE].sort());
    }
    const viewer = await t.signIn('viewer');
    for (const url of ['/api/medical/contacts', '/api/medical/oncall']) {
      const res = await t.call(viewer, { method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain('555016');
    }
    const refused = await t.call(viewer, {
      method: 'POST',
      url: '/api/medical/contacts',
      payload: { name: 'X', phone: '+13035550199', role: 'nurse' },
    });
    expect(refused.statusCode).toBe(403);
  });

  it('answers ONCALL and GUARDIA by text to volunteers and users, in their language', async () => {
    const vol = await t.call(n.coordinator, {
      method: 'POST',
      url: '/api/volunteers',
      payload: { name: 'Ana', phone: '+13035550101', languages: ['es'], skills: [], smsLanguage: 'es' },
    });
    expect(vol.statusCode).toBe(201);
    await text(t, n.coordinator, '+13035550101', 'guardia');
    await text(t, n.coordinator, '+13035550100', 'ONCALL');
    const replies = outbound(t).filter((m) => m.kind === 'reply');
    expect(replies.map((m) => [m.phone, m.body])).toEqual([
      ['+13035550101', `De guardia medica ahora: Diego Doctor ${DOCTOR}. Suplente: Eva EMT ${EMT}.`],
      ['+13035550100', `On medical call now: Diego Doctor ${DOCTOR}. Backup: Eva EMT ${EMT}.`],
    ]);
    await text(t, n.coordinator, '+13035550177', 'ONCALL');
    expect(outbound(t).filter((m) => m.phone === '+13035550177')[0]!.body).not.toContain('555016');
  });
});
