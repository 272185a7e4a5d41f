import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MINUTE } from '../../../server/lib/clock';
import type { TestApp } from '../../helpers/app';
import { eventRows, getRelease, text } from '../../helpers/fixtures';
import {
  ADDRESS,
  buildDispatchApp,
  crowd,
  dispatch,
  elapse,
  getDispatch,
  LEAD_PHONE,
  type Network,
  network,
  offerOf,
  offerTexts,
  release,
  reply,
  storedDispatch,
  textsTo,
  volunteer,
} from './dispatch.helpers';

describe('offers and YES/NO replies', () => {
  let t: TestApp;
  let n: Network;
  beforeEach(async () => {
    t = await buildDispatchApp();
    n = await network(t);
  });
  afterEach(() => t.close());

  it('texts each volunteer in their language with the code, site, headcount and languages, not the address', async () => {
    const ana = await volunteer(n, { name: 'Ana Lopez', languages: ['es'] });
    const beto = await volunteer(n, { name: 'Beto Ruiz', languages: ['es'], smsLanguage: 'es' });
    const r = await release(n, { adults: 3, children: 2, languages: ['es', 'mam'] });
    const d = await dispatch(n, r.id, { needed: 1 });
    const a = offerOf(d, ana.id).code;
    const b = offerOf(d, beto.id).code;
    expect(a).toMatch(/^\d{4}$/);
    expect(b).toMatch(/^\d{4}$/);
    expect(a).not.toBe(b);

    const sent = offerTexts(t);
    expect(sent.map((m) => [m.phone, m.language, m.body])).toEqual([
      [
        ana.phone,
        'en',
        `Bienvenida ${a}: 5 people need help now at Greyhound. Languages: Spanish, Mam. Can you go? Reply YES ${a} or NO ${a}.`,
      ],
      [
        beto.phone,
        'es',
        `Bienvenida ${b}: se necesita ayuda ya para 5 personas en Greyhound. Idiomas: español, mam. Puede ir? Responda SI ${b} o NO ${b}.`,
      ],
    ]);
    for (const m of sent) {
      expect(m).toMatchObject({ kind: 'offer', relatedType: 'dispatch_offer' });
      expect(m.body).not.toContain('Broadway');
      expect(m.body).not.toContain(LEAD_PHONE);
    }
  });

  it('names the languages the dispatch asks for when they differ from the release', async () => {
    const ana = await volunteer(n, { name: 'Ana Lopez' });
    const r = await release(n, { languages: ['es'] });
    const d = await dispatch(n, r.id, { needed: 1, languages: ['mam'] });
    const code = offerOf(d, ana.id).code;
    expect(offerTexts(t)[0]!.body).toContain('Languages: Mam.');
    expect(offerTexts(t)[0]!.body).toContain(`YES ${code}`);
  });

  it('accepts exactly N of 20 simultaneous YES replies and tells everyone else it is covered', async () => {
    await t.close();
    t = await buildDispatchApp({ env: { DISPATCH_WAVE_FACTOR: '7' } });
    n = await network(t);
    const twenty = await crowd(n, 20);
    const r = await release(n);
    const d = await dispatch(n, r.id, { needed: 3 });
    expect(d.offers).toHaveLength(20);

    const results = await Promise.all(
      twenty.map((p) => text(t, n.coordinator, p.phone, `YES ${offerOf(d, p.id).code}`)),
    );
    const bodies = results.map((res) => {
      expect(res.replies).toHaveLength(1);
      return res.replies[0]!.body;
    });
    const confirmed = twenty.filter((_, i) => bodies[i]!.startsWith('Confirmed '));
    const covered = twenty.filter((_, i) => /^Offer \d{4} is covered now, thank you!/.test(bodies[i]!));
    expect(confirmed).toHaveLength(3);
    expect(covered).toHaveLength(17);

    const final = await getDispatch(n, d.id);
    expect(final).toMatchObject({ status: 'filled', needed: 3, accepted: 3 });
    expect(
      final.offers
        .filter((o) => o.state === 'accepted')
        .map((o) => o.volunteerId)
        .sort(),
    ).toEqual(confirmed.map((p) => p.id).sort());
    expect(final.offers.filter((o) => o.state === 'superseded')).toHaveLength(17);
    for (const p of covered) {
      const code = offerOf(final, p.id).code;
      expect(textsTo(t, p), p.name).toContain(`Offer ${code} is covered now, thank you! No need to go.`);
    }
    expect(eventRows(t, 'dispatch.offer_accepted')).toHaveLength(3);
    expect(eventRows(t, 'dispatch.filled')).toHaveLength(1);
    expect(eventRows(t, 'dispatch.offer_superseded')).toHaveLength(17);
  });

  it('moves a reported release to team_en_route on the first YES only, and tells the rest when filled', async () => {
    const [ana, beto, cruz, dora] = await crowd(n, 4);
    const r = await release(n);
    expect(r.status).toBe('reported');
    const d = await dispatch(n, r.id, { needed: 2 });
    expect((await getRelease(t, n.coordinator, r.id)).status).toBe('reported');

    await reply(n, ana!, `YES ${offerOf(d, ana!.id).code}`);
    const moved = await getRelease(t, n.coordinator, r.id);
    expect(moved.status).toBe('team_en_route');
    expect(moved.timeline.filter((e) => e.kind === 'status')).toMatchObject([
      {
        fromStatus: 'reported',
        toStatus: 'team_en_route',
        note: 'first volunteer accepted',
        actor: ana!.name,
      },
    ]);
    expect((await getDispatch(n, d.id)).status).toBe('open');
    expect(textsTo(t, cruz!).filter((b) => b.includes('covered'))).toEqual([]);

    await reply(n, beto!, `YES ${offerOf(d, beto!.id).code}`);
    const filled = await getDispatch(n, d.id);
    expect(filled).toMatchObject({ status: 'filled', accepted: 2 });
    // Stored as filled, closed at the moment of the YES that filled it.
    expect(storedDispatch(t, d.id)).toMatchObject({
      status: 'filled',
      closedAt: t.clock.now(),
      updatedAt: t.clock.now(),
    });
    expect(
      (await getRelease(t, n.coordinator, r.id)).timeline.filter((e) => e.kind === 'status'),
    ).toHaveLength(1);
    for (const p of [cruz!, dora!]) {
      expect(offerOf(filled, p.id).state).toBe('superseded');
      expect(textsTo(t, p).at(-1)).toBe(
        `Offer ${offerOf(filled, p.id).code} is covered now, thank you! No need to go.`,
      );
    }
    // A late YES changes nothing.
    const late = await reply(n, cruz!, `YES ${offerOf(d, cruz!.id).code}`);
    expect(late).toBe(`Offer ${offerOf(d, cruz!.id).code} is covered now, thank you! No need to go.`);
    expect(await getDispatch(n, d.id)).toEqual(filled);
  });

  it('leaves an expected release where it is on a YES', async () => {
    const [ana] = await crowd(n, 1);
    const r = await release(n, { expectedAt: '2026-03-02T18:00:00Z' });
    expect(r.status).toBe('expected');
    const d = await dispatch(n, r.id, { needed: 1 });
    expect(await reply(n, ana!, `YES ${offerOf(d, ana!.id).code}`)).toMatch(/^Confirmed /);
    expect((await getRelease(t, n.coordinator, r.id)).status).toBe('expected');
  });

  it('sends the accepted volunteer the address, the group and the lead, in English or Spanish', async () => {
    const ana = await volunteer(n, { name: 'Ana Lopez' });
    const beto = await volunteer(n, { name: 'Beto Ruiz', smsLanguage: 'es' });
    const r = await release(n, { adults: 3, children: 2, languages: ['es'] });
    const d = await dispatch(n, r.id, { needed: 2 });
    const yes = await text(t, n.coordinator, ana.phone, `YES ${offerOf(d, ana.id).code}`);
    expect(yes.replies).toMatchObject([{ kind: 'offer', language: 'en' }]);
    expect(yes.replies[0]!.body).toBe(
      `Confirmed ${r.code}: go to Greyhound, ${ADDRESS}. Meet 3 adults, 2 children (Spanish). ` +
        `Lead: ${n.coordinatorName} ${LEAD_PHONE}. Thank you!`,
    );
    const si = await reply(n, beto, `SI ${offerOf(d, beto.id).code}`);
    expect(si).toBe(
      `Confirmado ${r.code}: vaya a Greyhound, ${ADDRESS}. Grupo: 3 adultos, 2 menores (español). ` +
        `Contacto: ${n.coordinatorName} ${LEAD_PHONE}. Gracias!`,
    );
  });

  it('keeps the ETA and the extra words of a YES, and the words of a NO', async () => {
    const [ana, beto] = await crowd(n, 2);
    const d = await dispatch(n, (await release(n)).id, { needed: 1 });
    const a = offerOf(d, ana!.id).code;
    await reply(n, ana!, `  yes ${a}  20 parking now `);
    await reply(n, beto!, `NO ${offerOf(d, beto!.id).code} car broke down`);
    const seen = await getDispatch(n, d.id);
    expect(offerOf(seen, ana!.id)).toMatchObject({
      state: 'accepted',
      etaMinutes: 20,
      replyText: 'parking now',
      respondedAt: '2026-03-02T08:00:00-07:00',
    });
    expect(offerOf(seen, beto!.id)).toMatchObject({ state: 'superseded', replyText: null });
    expect(eventRows(t, 'dispatch.offer_accepted')[0]!.data).toMatchObject({
      dispatchId: d.id,
      volunteerId: ana!.id,
      etaMinutes: 20,
    });
  });

  it('keeps the words of a NO, and an ETA without a code when one offer is open', async () => {
    const [ana, beto] = await crowd(n, 2);
    const d = await dispatch(n, (await release(n)).id, { needed: 2 });
    expect(await reply(n, beto!, `No ${offerOf(d, beto!.id).code} at work until 5`)).toBe(
      'Thanks for telling us. No problem.',
    );
    expect(await reply(n, ana!, 'YES 15')).toMatch(/^Confirmed /);
    const seen = await getDispatch(n, d.id);
    expect(offerOf(seen, beto!.id)).toMatchObject({
      state: 'declined',
      replyText: 'at work until 5',
      etaMinutes: null,
    });
    expect(offerOf(seen, ana!.id)).toMatchObject({ state: 'accepted', etaMinutes: 15, replyText: null });
  });

  it('takes SI and Sí from anyone, answering each in the language of their profile', async () => {
    const [ana, beto] = await crowd(n, 2);
    const cruz = await volunteer(n, { name: 'Cruz Diaz', smsLanguage: 'es' });
    const d = await dispatch(n, (await release(n)).id, { needed: 2 });
    // NO is the same word in both languages: the profile decides.
    expect(await reply(n, cruz, `NO ${offerOf(d, cruz.id).code}`)).toBe(
      'Gracias por avisar. No hay problema.',
    );
    expect(await reply(n, ana!, `Sí ${offerOf(d, ana!.id).code}`)).toMatch(/^Confirmed R-\d{4}: go to /);
    expect(await reply(n, beto!, `si ${offerOf(d, beto!.id).code} 10 voy en bus`)).toMatch(/^Confirmed /);
    const seen = await getDispatch(n, d.id);
    expect(seen.status).toBe('filled');
    expect(offerOf(seen, beto!.id)).toMatchObject({ etaMinutes: 10, replyText: 'voy en bus' });
  });

  it('takes a bare YES when one offer is open, and asks for the code when two are', async () => {
    const [ana] = await crowd(n, 1);
    const first = await dispatch(n, (await release(n)).id, { needed: 1 });
    const second = await dispatch(n, (await release(n)).id, { needed: 1 });
    const codes = [offerOf(first, ana!.id).code, offerOf(second, ana!.id).code];

    const choose = await reply(n, ana!, 'YES');
    expect(choose).toMatch(
      /^You have several offers open: reply YES or NO with the code, e\.g\. YES (\d{4})\.$/,
    );
    expect(codes).toContain(/YES (\d{4})\.$/.exec(choose)![1]);
    expect(await reply(n, ana!, 'SI')).toMatch(/^You have several offers open: .* YES \d{4}\.$/);
    expect((await getDispatch(n, first.id)).accepted).toBe(0);
    expect((await getDispatch(n, second.id)).accepted).toBe(0);

    await reply(n, ana!, `NO ${codes[0]}`);
    expect(await reply(n, ana!, 'YES')).toMatch(/^Confirmed /);
    expect(offerOf(await getDispatch(n, second.id), ana!.id).state).toBe('accepted');
    expect(await reply(n, ana!, 'YES')).toBe('No open offer for you. Text STATUS for your assignments.');
  });

  it('refuses a wrong code, or someone else’s, without telling anything about the offer', async () => {
    const [ana, beto] = await crowd(n, 2);
    const d = await dispatch(n, (await release(n)).id, { needed: 1 });
    const betos = offerOf(d, beto!.id).code;
    const wrong = offerOf(d, ana!.id).code === '1000' ? '1001' : '1000';
    const before = await getDispatch(n, d.id);

    expect(await reply(n, ana!, `YES ${wrong}`)).toBe(
      `No open offer ${wrong} for you. Text STATUS for your assignments.`,
    );
    const stolen = await reply(n, ana!, `YES ${betos}`);
    expect(stolen).toBe(`No open offer ${betos} for you. Text STATUS for your assignments.`);
    expect(await reply(n, ana!, `NO ${betos}`)).toBe(
      `No open offer ${betos} for you. Text STATUS for your assignments.`,
    );
    expect(stolen).not.toContain('Greyhound');
    expect(stolen).not.toContain(beto!.name);
    expect(await getDispatch(n, d.id)).toEqual(before);
    expect(eventRows(t, 'dispatch.offer_accepted')).toHaveLength(0);
  });

  it('gives a number that is not a volunteer’s only the help text', async () => {
    await crowd(n, 1);
    const d = await dispatch(n, (await release(n)).id, { needed: 1 });
    const code = d.offers[0]!.code;
    const res = await reply(n, '+13035550199', `YES ${code}`);
    expect(res).toMatch(/^Bienvenida: YES\/NO <code> answers an offer\./);
    expect((await getDispatch(n, d.id)).accepted).toBe(0);
  });

  it('answers an expired code as expired and a reused one as already confirmed, changing nothing', async () => {
    const [ana, beto] = await crowd(n, 2);
    const d = await dispatch(n, (await release(n)).id, { needed: 2 });
    const a = offerOf(d, ana!.id).code;
    const b = offerOf(d, beto!.id).code;
    await reply(n, ana!, `YES ${a}`);

    await elapse(t, 10 * MINUTE);
    const expired = await getDispatch(n, d.id);
    expect(offerOf(expired, beto!.id).state).toBe('expired');
    expect(await reply(n, beto!, `YES ${b}`)).toBe(`Offer ${b} has expired. Thank you!`);
    expect(await reply(n, beto!, `SI ${b}`)).toBe(`Offer ${b} has expired. Thank you!`);
    expect(await reply(n, ana!, `YES ${a}`)).toBe(`You are already confirmed for ${a}. Thank you!`);
    expect(await reply(n, ana!, `SI ${a} 5`)).toBe(`You are already confirmed for ${a}. Thank you!`);
    expect(await getDispatch(n, d.id)).toEqual(expired);
    expect(eventRows(t, 'dispatch.offer_accepted')).toHaveLength(1);
  });

  it('refuses a YES that comes after the offer expired, even before the expiry job has run', async () => {
    const [ana] = await crowd(n, 1);
    const d = await dispatch(n, (await release(n)).id, { needed: 1 });
    const a = offerOf(d, ana!.id).code;
    // The clock moves past the expiry, but the scheduler has not run the wave job yet.
    t.clock.advance(10 * MINUTE);
    expect(await reply(n, ana!, `YES ${a}`)).toBe(`Offer ${a} has expired. Thank you!`);
    const after = await getDispatch(n, d.id);
    expect(offerOf(after, ana!.id).state).toBe('expired');
    expect(after.accepted).toBe(0);
  });

  it('frees the place of an accepted volunteer who texts NO, reopens and asks the next one', async () => {
    const [ana, beto, cruz] = await crowd(n, 3);
    const d = await dispatch(n, (await release(n)).id, { needed: 1 });
    const a = offerOf(d, ana!.id).code;
    await reply(n, ana!, `YES ${a}`);
    expect((await getDispatch(n, d.id)).status).toBe('filled');

    expect(await reply(n, ana!, `NO ${a} sick kid`)).toBe('Thanks for telling us. No problem.');
    const reopened = await getDispatch(n, d.id);
    expect(reopened).toMatchObject({ status: 'open', accepted: 0, wave: 2 });
    expect(offerOf(reopened, ana!.id)).toMatchObject({ state: 'declined', replyText: 'sick kid' });
    expect(offerOf(reopened, cruz!.id)).toMatchObject({ state: 'offered', wave: 2 });
    expect(offerOf(reopened, beto!.id).state).toBe('superseded');

    expect(await reply(n, cruz!, `YES ${offerOf(reopened, cruz!.id).code}`)).toMatch(/^Confirmed /);
    expect((await getDispatch(n, d.id)).status).toBe('filled');
    expect(eventRows(t, 'dispatch.filled')).toHaveLength(2);
  });

  it('sends the next wave at once when the whole wave says no', async () => {
    const [ana, beto, cruz, dora, eva] = await crowd(n, 5);
    const d = await dispatch(n, (await release(n)).id, { needed: 1 });
    expect(d.offers.map((o) => o.volunteerId)).toEqual([ana!.id, beto!.id]);
    await reply(n, ana!, `NO ${offerOf(d, ana!.id).code}`);
    expect((await getDispatch(n, d.id)).offers).toHaveLength(2);
    await reply(n, beto!, `NO ${offerOf(d, beto!.id).code}`);
    const next = await getDispatch(n, d.id);
    expect(next.wave).toBe(2);
    expect(next.offers.filter((o) => o.wave === 2).map((o) => o.volunteerId)).toEqual([cruz!.id, dora!.id]);
    expect(offerTexts(t).map((m) => m.phone)).toEqual([ana, beto, cruz, dora].map((p) => p!.phone));
    expect(textsTo(t, eva!)).toEqual([]);
  });
});
