import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../../../server/lib/clock';
import { render } from '../../../server/texts';
import type { TestApp } from '../../helpers/app';
import { auditRows, eventRows, outbound, walk } from '../../helpers/fixtures';
import {
  addToDispatch,
  buildDispatchApp,
  candidates,
  dispatch,
  elapse,
  type Network,
  network,
  offerOf,
  offerTexts,
  postDispatch,
  release,
  reply,
  volunteer,
} from './dispatch.helpers';

describe('dispatch as a new network meets it', () => {
  let t: TestApp;
  let n: Network;
  beforeEach(async () => {
    t = await buildDispatchApp();
    n = await network(t);
  });
  afterEach(() => t.close());

  it('matches volunteers who typed "Spanish" or "español" to a dispatch wanting es', async () => {
    const typedEnglish = await volunteer(n, { name: 'Ana Lopez', languages: ['Spanish'] });
    const typedSpanish = await volunteer(n, { name: 'Beto Ruiz', languages: ['español', 'K’iche’'] });
    await volunteer(n, { name: 'Cruz Diaz', languages: ['English'] });
    const r = await release(n, { languages: ['Spanish', 'Kiche'] });
    expect(r.languages).toEqual(['es', 'quc']);
    const d = await dispatch(n, r.id, { needed: 1, languages: ['espanol'] });
    expect(d.languages).toEqual(['es']);
    const ranked = await candidates(n, d.id);
    const speaks = ranked.filter((c) => c.why.includes('speaks es')).map((c) => c.volunteerId);
    expect(speaks.sort()).toEqual([typedEnglish.id, typedSpanish.id].sort());
    expect(ranked.find((c) => c.volunteerId === typedSpanish.id)!.languages).toEqual(['es', 'quc']);
  });

  it('refuses more volunteers for a closed or cancelled release, texting and escalating nothing', async () => {
    await volunteer(n, { name: 'Ana Lopez', languages: ['es'] });
    for (const end of [['met', 'closed'], ['cancelled']]) {
      const r = await release(n);
      const d = await dispatch(n, r.id, { needed: 1 });
      await walk(t, n.coordinator, r.id, end[0] === 'met' ? ['team_en_route', 'met', 'closed'] : end);
      const texted = outbound(t).length;
      const more = await addToDispatch(n, d.id, { count: 2 });
      expect(more.statusCode).toBe(409);
      expect(more.json().error.code).toBe('release_closed');
      const again = await postDispatch(n, r.id, { needed: 1 });
      expect(again.statusCode).toBe(409);
      expect(outbound(t)).toHaveLength(texted);
    }
    expect(eventRows(t, 'dispatch.escalated')).toHaveLength(0);
    expect(auditRows(t, 'dispatch.added')).toHaveLength(0);
  });

  it('neither asks again nor escalates for a release closed while its dispatch was open', async () => {
    await volunteer(n, { name: 'Ana Lopez' });
    const r = await release(n);
    await dispatch(n, r.id, { needed: 3 });
    await walk(t, n.coordinator, r.id, ['cancelled']);
    const texted = outbound(t).length;
    await elapse(t, 60 * MINUTE);
    expect(eventRows(t, 'dispatch.escalated')).toHaveLength(0);
    expect(outbound(t)).toHaveLength(texted);
  });

  it('says when an expected group arrives, and that its languages are not known yet', async () => {
    const ana = await volunteer(n, { name: 'Ana Lopez' });
    const beto = await volunteer(n, { name: 'Beto Ruiz', smsLanguage: 'es' });
    const expectedAt = new Date(t.clock.now().getTime() + 3 * HOUR).toISOString();
    const r = await release(n, { adults: 1, children: 0, languages: [], expectedAt });
    const d = await dispatch(n, r.id, { needed: 1 });
    const [a, b] = [offerOf(d, ana.id).code, offerOf(d, beto.id).code];
    const bodies = offerTexts(t).map((m) => m.body);
    expect(bodies).toContain(
      `Bienvenida ${a}: 1 person expected at Greyhound Mon Mar 2 11:00. Languages: not known yet. Can you go? Reply YES ${a} or NO ${a}.`,
    );
    expect(bodies).toContain(
      `Bienvenida ${b}: llega 1 persona a Greyhound lun 2 mar 11:00. Idiomas: por confirmar. Puede ir? Responda SI ${b} o NO ${b}.`,
    );
    for (const body of bodies) expect(body).not.toMatch(/\b(now|ahora|ya)\b/);
  });

  it('counts in the singular for one person, in both languages', async () => {
    const ana = await volunteer(n, { name: 'Ana Lopez', smsLanguage: 'es' });
    const r = await release(n, { adults: 1, children: 1, languages: ['es'] });
    const d = await dispatch(n, r.id, { needed: 1 });
    expect(offerTexts(t)[0]!.body).toContain('ayuda ya para 2 personas en Greyhound');
    const answer = await reply(n, ana, `SI ${offerOf(d, ana.id).code}`);
    expect(answer).toContain('Grupo: 1 adulto, 1 menor (español).');
  });

  it('answers a volunteer whose profile says Spanish in Spanish, even to YES', async () => {
    const rosa = await volunteer(n, { name: 'Rosa Diaz', smsLanguage: 'es' });
    const d = await dispatch(n, (await release(n)).id, { needed: 1 });
    const answer = await reply(n, rosa, `YES ${offerOf(d, rosa.id).code}`);
    expect(answer).toMatch(/^Confirmado R-\d{4}: vaya a Greyhound/);
  });

  it('counts sending volunteers as acknowledging the release', async () => {
    const r = await release(n);
    expect(r.acknowledged).toBe(false);
    await dispatch(n, r.id, { needed: 1 });
    const seen = await t.call(n.coordinator, { method: 'GET', url: `/api/releases/${r.id}` });
    expect(seen.json()).toMatchObject({ acknowledged: true });
    expect(auditRows(t, 'release.acknowledged')).toHaveLength(1);
  });

  it('no longer advertises ONCALL or GUARDIA in the help text', () => {
    for (const lang of ['en', 'es'] as const) {
      expect(render('help', lang)).not.toMatch(/ONCALL|GUARDIA/);
    }
  });
});
