// The reads on the busiest paths skip drizzle and convert SQLite's row themselves. Each must answer
// exactly what drizzle's own select answers for the same row, with every column filled and with every
// nullable column empty, so a renamed column or a missed conversion (an instant, JSON) shows here.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openMigratedDb } from '../../db/client';
import { dispatches, dispatchOffers, releases, sessions, sites, users, volunteers } from '../../db/schema';
import { findLiveSessionByHash, findSessionById } from '../../server/modules/auth/sessions.repo';
import { findDispatch, findOffer, supersedeOpenOffers } from '../../server/modules/dispatch/dispatch.repo';
import { findRelease } from '../../server/modules/releases/releases.repo';
import { findSiteById } from '../../server/modules/sites/sites.repo';
import { findUserById } from '../../server/modules/users/users.repo';
import { volunteerContacts, volunteerSenderByPhone } from '../../server/modules/volunteers/volunteers.repo';

const t = (minute: number) => new Date(Date.UTC(2026, 10, 30, 2, minute, 7, 123));

function seeded() {
  const db = openMigratedDb(':memory:');
  const full = {
    user: db
      .insert(users)
      .values({
        email: 'lead@example.org',
        name: 'Ana Lead',
        role: 'coordinator',
        passwordHash: 'hash',
        createdAt: t(1),
        disabledAt: t(2),
        phone: '+15055550100',
        smsLanguage: 'es',
        alerts: ['stock'],
      })
      .returning()
      .get(),
  };
  const bare = db
    .insert(users)
    .values({ email: 'viewer@example.org', name: 'V', role: 'viewer', passwordHash: 'h', createdAt: t(1) })
    .returning()
    .get();
  const site = db
    .insert(sites)
    .values({
      name: 'Greyhound',
      kind: 'bus_station',
      address: '1 Main St',
      smsKeyword: 'BUS',
      createdAt: t(3),
      createdBy: full.user.id,
      archivedAt: t(4),
    })
    .returning()
    .get();
  const bareSite = db
    .insert(sites)
    .values({ name: 'Church', kind: 'office', createdAt: t(3) })
    .returning()
    .get();
  const release = db
    .insert(releases)
    .values({
      code: 'R-0001',
      siteId: site.id,
      status: 'closed',
      expectedAt: t(5),
      releasedAt: t(6),
      adults: 3,
      children: 2,
      languages: ['es', 'mam'],
      needs: ['food', 'medical'],
      needsMet: ['food'],
      destination: 'Denver',
      travelDate: '2026-12-01',
      notes: 'cold',
      source: 'sms',
      reportedAt: t(7),
      metAt: t(8),
      closedAt: t(9),
      acknowledgedAt: t(10),
      acknowledgedBy: full.user.id,
      purgedAt: t(11),
      createdAt: t(12),
      updatedAt: t(13),
    })
    .returning()
    .get();
  const bareRelease = db
    .insert(releases)
    .values({
      code: 'R-0002',
      siteId: bareSite.id,
      status: 'reported',
      adults: 1,
      children: 0,
      languages: [],
      needs: [],
      needsMet: [],
      source: 'web',
      createdAt: t(12),
      updatedAt: t(12),
    })
    .returning()
    .get();
  const session = db
    .insert(sessions)
    .values({
      tokenHash: 'abc',
      userId: full.user.id,
      createdAt: t(14),
      lastSeenAt: t(15),
      expiresAt: t(16),
      revokedAt: t(17),
    })
    .returning()
    .get();
  const liveSession = db
    .insert(sessions)
    .values({ tokenHash: 'def', userId: bare.id, createdAt: t(14), lastSeenAt: t(15), expiresAt: t(16) })
    .returning()
    .get();
  const volunteer = db
    .insert(volunteers)
    .values({
      name: 'Vol',
      phone: '+15055550111',
      languages: ['es'],
      skills: [],
      createdAt: t(1),
      updatedAt: t(1),
    })
    .returning()
    .get();
  const dispatch = db
    .insert(dispatches)
    .values({
      releaseId: release.id,
      status: 'filled',
      needed: 2,
      languages: ['es'],
      skills: ['driver'],
      wave: 2,
      deadlineAt: t(18),
      createdBy: full.user.id,
      createdAt: t(19),
      updatedAt: t(20),
      closedAt: t(21),
    })
    .returning()
    .get();
  const offer = (state: 'offered' | 'accepted', answered: boolean) =>
    db
      .insert(dispatchOffers)
      .values({
        dispatchId: dispatch.id,
        volunteerId: volunteer.id,
        code: `48${state.length}${answered ? 1 : 0}`,
        wave: 1,
        state,
        reason: 'on shift here',
        offeredAt: t(22),
        expiresAt: t(23),
        ...(answered ? { respondedAt: t(24), etaMinutes: 15, replyText: 'llego en 15' } : {}),
      })
      .returning()
      .get();
  return {
    db,
    user: full.user,
    bare,
    site,
    bareSite,
    release,
    bareRelease,
    session,
    liveSession,
    dispatch,
    offers: [offer('accepted', true), offer('offered', false), offer('offered', true)],
  };
}

describe('reads that convert rows themselves', () => {
  it('answer a release, with every field and with none of the optional ones, as drizzle reads it', () => {
    const s = seeded();
    for (const r of [s.release, s.bareRelease]) {
      const drizzled = s.db.select().from(releases).where(eq(releases.id, r.id)).get();
      expect(findRelease(s.db, r.id)).toEqual(drizzled);
      expect(findRelease(s.db, r.id)).toEqual(r);
    }
    expect(findRelease(s.db, 999)).toBeNull();
  });

  it('answer a site and a user as drizzle reads them', () => {
    const s = seeded();
    for (const site of [s.site, s.bareSite]) {
      expect(findSiteById(s.db, site.id)).toEqual(
        s.db.select().from(sites).where(eq(sites.id, site.id)).get(),
      );
    }
    for (const user of [s.user, s.bare]) {
      expect(findUserById(s.db, user.id)).toEqual(
        s.db.select().from(users).where(eq(users.id, user.id)).get(),
      );
    }
    expect(findSiteById(s.db, 999)).toBeNull();
    expect(findUserById(s.db, 999)).toBeNull();
  });

  it('answer a session by id as drizzle reads it, and by token only while it is not revoked', () => {
    const s = seeded();
    for (const session of [s.session, s.liveSession]) {
      expect(findSessionById(s.db, session.id)).toEqual(
        s.db.select().from(sessions).where(eq(sessions.id, session.id)).get(),
      );
    }
    expect(findLiveSessionByHash(s.db, 'abc')).toBeNull();
    expect(findLiveSessionByHash(s.db, 'def')).toEqual(s.liveSession);
  });

  it('answer a dispatch and its offers as drizzle reads them, and close the open ones in id order', () => {
    const s = seeded();
    expect(findDispatch(s.db, s.dispatch.id)).toEqual(s.dispatch);
    for (const o of s.offers) expect(findOffer(s.db, o.id)).toEqual(o);
    const closed = supersedeOpenOffers(s.db, s.dispatch.id);
    expect(closed).toEqual(
      s.offers.filter((o) => o.state === 'offered').map((o) => ({ ...o, state: 'superseded' })),
    );
    expect(
      s.db
        .select()
        .from(dispatchOffers)
        .all()
        .map((o) => o.state),
    ).toEqual(['accepted', 'superseded', 'superseded']);
  });

  it('answer who texted, and the numbers of several volunteers, from the stored volunteers', () => {
    const s = seeded();
    const [v] = s.db.select().from(volunteers).all();
    const other = s.db
      .insert(volunteers)
      .values({
        name: 'Otra',
        phone: '+15055550112',
        languages: [],
        skills: [],
        smsLanguage: 'es',
        createdAt: t(1),
        updatedAt: t(1),
      })
      .returning()
      .get();
    expect(volunteerSenderByPhone(s.db, v!.phone)).toEqual({
      id: v!.id,
      name: v!.name,
      smsLanguage: v!.smsLanguage,
    });
    expect(volunteerSenderByPhone(s.db, '+15055550999')).toBeNull();
    expect(volunteerContacts(s.db, [other.id, v!.id, 999])).toEqual(
      new Map([
        [v!.id, { phone: v!.phone, smsLanguage: 'en' }],
        [other.id, { phone: '+15055550112', smsLanguage: 'es' }],
      ]),
    );
    expect(volunteerContacts(s.db, [])).toEqual(new Map());
  });
});
