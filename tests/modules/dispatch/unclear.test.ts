import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from '../../../server/texts';
import type { TestApp } from '../../helpers/app';
import { auditRows, eventRows, getRelease, text } from '../../helpers/fixtures';
import {
  buildDispatchApp,
  type DispatchView,
  dispatch,
  getDispatch,
  type Network,
  network,
  offerOf,
  release,
  reply,
  textsTo,
  volunteer,
} from './dispatch.helpers';

describe('unclear replies and counting them on the volunteer’s behalf', () => {
  let t: TestApp;
  let n: Network;
  beforeEach(async () => {
    t = await buildDispatchApp();
    n = await network(t);
  });
  afterEach(() => t.close());

  function count(d: { id: number }, offerId: number, answer: string, cookie = n.coordinator) {
    return t.call(cookie, {
      method: 'POST',
      url: `/api/dispatches/${d.id}/offers/${offerId}/answer`,
      payload: { answer },
    });
  }

  it('asks again in the volunteer’s language and keeps the text for the feed, accepting nothing', async () => {
    const ana = await volunteer(n, { name: 'Ana Lopez', smsLanguage: 'es' });
    const r = await release(n);
    const d = await dispatch(n, r.id, { needed: 1 });
    const code = offerOf(d, ana.id).code;

    const answer = await reply(n, ana, 'claro 👍');
    expect(answer).toBe(`¿Puede ir a ${r.code}? Responda SI ${code} o NO ${code}.`);
    const after = await getDispatch(n, d.id);
    expect(after.accepted).toBe(0);
    expect(offerOf(after, ana.id)).toMatchObject({ state: 'offered', unclear: true, replyText: 'claro 👍' });
    expect(eventRows(t, 'dispatch.offer_unclear').map((e) => e.data)).toEqual([
      { dispatchId: d.id, releaseId: r.id, volunteerId: ana.id },
    ]);
    expect(auditRows(t, 'dispatch.offer_unclear')).toHaveLength(1);

    // Her clear answer then counts as any other, and the feed no longer asks anyone to read it.
    expect(await reply(n, ana, 'Sí, voy')).toMatch(/^Confirmado /);
    expect(offerOf(await getDispatch(n, d.id), ana.id)).toMatchObject({
      state: 'accepted',
      unclear: false,
      replyText: 'voy',
    });
  });

  it('asks for the code when several offers are open, and gives the help text when none is', async () => {
    const ana = await volunteer(n, { name: 'Ana Lopez' });
    const first = await dispatch(n, (await release(n)).id, { needed: 1 });
    expect(await reply(n, ana, 'maybe')).toBe(
      render('offerUnclear', 'en', {
        release: (await getRelease(t, n.coordinator, first.releaseId)).code,
        code: offerOf(first, ana.id).code,
      }),
    );
    const second = await dispatch(n, (await release(n)).id, { needed: 1 });
    const choose = await reply(n, ana, 'ok');
    expect(choose).toMatch(/^You have several offers open/);
    expect(offerOf(await getDispatch(n, second.id), ana.id)).toMatchObject({
      unclear: false,
      replyText: null,
    });

    await reply(n, ana, `NO ${offerOf(first, ana.id).code}`);
    await reply(n, ana, `NO ${offerOf(second, ana.id).code}`);
    expect(await reply(n, ana, 'maybe')).toBe(render('help', 'en'));
  });

  it('never reads a stranger’s text as an answer', async () => {
    const ana = await volunteer(n, { name: 'Ana Lopez' });
    const d = await dispatch(n, (await release(n)).id, { needed: 1 });
    const res = await text(t, n.coordinator, '+13035550199', 'maybe');
    expect(res.replies.map((m) => m.body)).toEqual([render('help', 'en')]);
    expect(offerOf(await getDispatch(n, d.id), ana.id)).toMatchObject({ unclear: false, replyText: null });
  });

  it('counts an unclear reply as YES: audited, the volunteer texted with the details, the release moving', async () => {
    const ana = await volunteer(n, { name: 'Ana Lopez', smsLanguage: 'es' });
    const r = await release(n);
    const d = await dispatch(n, r.id, { needed: 1 });
    const offer = offerOf(d, ana.id);
    await reply(n, ana, 'ok');

    const res = await count(d, offer.id, 'yes');
    expect(res.statusCode).toBe(200);
    const after: DispatchView = res.json();
    expect(after).toMatchObject({ status: 'filled', accepted: 1 });
    expect(offerOf(after, ana.id)).toMatchObject({ state: 'accepted', unclear: false, replyText: 'ok' });
    expect((await getRelease(t, n.coordinator, r.id)).status).toBe('team_en_route');

    const told = textsTo(t, ana).slice(-2);
    expect(told[0]).toBe(
      `Bienvenida: un coordinador conto su respuesta como SI para ${r.code}. Si no puede ir, responda NO ${offer.code}.`,
    );
    expect(told[1]).toMatch(new RegExp(`^Confirmado ${r.code}: vaya a Greyhound`));
    const counted = auditRows(t, 'dispatch.offer_counted');
    expect(counted).toHaveLength(1);
    expect(counted[0]).toMatchObject({ userId: n.coordinatorId, entityId: d.id });
    expect(counted[0]!.changes).toMatchObject({ volunteerId: ana.id, code: offer.code, answer: 'yes' });

    // The volunteer can still take it back by text.
    expect(await reply(n, ana, `NO ${offer.code}`)).toBe(render('offerDeclined', 'es'));
    expect((await getDispatch(n, d.id)).accepted).toBe(0);
  });

  it('counts an unclear reply as NO: the volunteer is told and the next wave is asked', async () => {
    const ana = await volunteer(n, { name: 'Ana Lopez' });
    const r = await release(n);
    const d = await dispatch(n, r.id, { needed: 1 });
    const offer = offerOf(d, ana.id);
    await reply(n, ana, 'y');
    const beto = await volunteer(n, { name: 'Beto Ruiz' });

    const res = await count(d, offer.id, 'no');
    expect(res.statusCode).toBe(200);
    const after: DispatchView = res.json();
    expect(offerOf(after, ana.id)).toMatchObject({ state: 'declined', replyText: 'y' });
    expect(offerOf(after, beto.id).state).toBe('offered');
    expect(textsTo(t, ana).at(-1)).toBe(
      `Bienvenida: a coordinator counted your answer as NO for ${r.code}. Thank you!`,
    );
    expect(auditRows(t, 'dispatch.offer_counted')[0]!.changes).toMatchObject({ answer: 'no' });
  });

  it('refuses to count an answered, closed or unknown offer, or a bad answer, changing nothing', async () => {
    const ana = await volunteer(n, { name: 'Ana Lopez' });
    const beto = await volunteer(n, { name: 'Beto Ruiz' });
    const d = await dispatch(n, (await release(n)).id, { needed: 1 });
    await reply(n, ana, `YES ${offerOf(d, ana.id).code}`);
    const before = await getDispatch(n, d.id);

    const answered = await count(d, offerOf(d, ana.id).id, 'no');
    expect(answered.statusCode).toBe(409);
    expect(answered.json().error.code).toBe('offer_answered');
    const closed = await count(d, offerOf(d, beto.id).id, 'yes');
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('offer_closed');
    expect((await count({ id: d.id + 1 }, offerOf(d, beto.id).id, 'yes')).statusCode).toBe(404);
    const bad = await count(d, offerOf(d, beto.id).id, 'maybe');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('body.answer');
    expect((await count(d, offerOf(d, beto.id).id, 'yes', await t.signIn('viewer'))).statusCode).toBe(403);

    expect(await getDispatch(n, d.id)).toEqual(before);
    expect(auditRows(t, 'dispatch.offer_counted')).toHaveLength(0);
  });

  it('accepts exactly the places needed when coordinators count and volunteers text YES at once', async () => {
    const people = await Promise.all(
      ['Ana', 'Beto', 'Carla', 'Dani', 'Eva', 'Fede'].map((name, i) =>
        volunteer(n, { name, phone: `303-555-02${10 + i}` }),
      ),
    );
    const d = await dispatch(n, (await release(n)).id, { needed: 2 });
    expect(d.offers).toHaveLength(4);
    const [a, b, c, e] = d.offers;
    const results = await Promise.all([
      count(d, a!.id, 'yes'),
      text(t, n.coordinator, people.find((p) => p.id === b!.volunteerId)!.phone, 'Sí!!'),
      count(d, c!.id, 'yes'),
      text(t, n.coordinator, people.find((p) => p.id === e!.volunteerId)!.phone, `yes ${e!.code}`),
    ]);
    const after = await getDispatch(n, d.id);
    expect(after.accepted).toBe(2);
    expect(after.offers.filter((o) => o.state === 'accepted')).toHaveLength(2);
    expect(after.status).toBe('filled');
    // A count that lost the race says so rather than answering for the volunteer.
    for (const res of [results[0], results[2]]) {
      if ('statusCode' in res && res.statusCode !== 200) expect(res.statusCode).toBe(409);
    }
  });
});
