import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from '../../../server/texts';
import type { TestApp } from '../../helpers/app';
import {
  buildDispatchApp,
  dispatch,
  getDispatch,
  type Network,
  network,
  offerOf,
  release,
  reply,
  volunteer,
} from './dispatch.helpers';

type Lang = 'en' | 'es';

/** What a reply must do to the one open offer. `note` is what the feed shows next to the answer. */
type Outcome =
  | { yes: true; eta?: number; note?: string }
  | { no: true; note?: string }
  /** Neither: the offer stays open, the text is kept for a coordinator, the volunteer is asked again. */
  | 'unclear'
  /** A code that is not theirs: nothing changes. */
  | 'unknown code';

/**
 * Replies as volunteers type them on a phone at night, each with the one outcome it must have. `{code}`
 * is the volunteer's open offer's code, `{other}` a code that is not theirs. The language is the one the
 * volunteer takes texts in.
 */
const TABLE: Array<[text: string, lang: Lang, outcome: Outcome]> = [
  // English YES: punctuation, emoji, capitals, ETA, glued code, stretched letters.
  ['YES', 'en', { yes: true }],
  ['yes', 'en', { yes: true }],
  ['Yes!!', 'en', { yes: true }],
  ['YES 👍', 'en', { yes: true }],
  ['Yes.', 'en', { yes: true }],
  ['  yes  ', 'en', { yes: true }],
  ['“Yes”', 'en', { yes: true }],
  ['yesss', 'en', { yes: true }],
  ['yes 20 min', 'en', { yes: true, eta: 20 }],
  ['yes, 10 min', 'en', { yes: true, eta: 10 }],
  ['YES - 30 min', 'en', { yes: true, eta: 30 }],
  ['Yes 1 hour', 'en', { yes: true, eta: 60 }],
  ['yes in 20', 'en', { yes: true, eta: 20, note: 'in 20' }],
  ['YES!!! on my way', 'en', { yes: true, note: 'on my way' }],
  ['Yes 👍👍 be there soon', 'en', { yes: true, note: 'be there soon' }],
  ['YES {code}', 'en', { yes: true }],
  ['yes {code}.', 'en', { yes: true }],
  ['yes {code} 15', 'en', { yes: true, eta: 15 }],
  ['Yes {code}, parking now', 'en', { yes: true, note: 'parking now' }],
  ['YES{code}', 'en', { yes: true }],
  ['yes #{code}', 'en', { yes: true }],
  // Spanish SI, with the accent or without.
  ['Sí', 'es', { yes: true }],
  ['SI', 'es', { yes: true }],
  ['si.', 'es', { yes: true }],
  ['sì', 'es', { yes: true }],
  ['¡Sí!', 'es', { yes: true }],
  ['SI!!! 👍', 'es', { yes: true }],
  ['siii', 'es', { yes: true }],
  ['Sí, voy', 'es', { yes: true, note: 'voy' }],
  ['Si voy', 'es', { yes: true, note: 'voy' }],
  ['si,voy', 'es', { yes: true, note: 'voy' }],
  ['Sí, llego en 15', 'es', { yes: true, eta: 15, note: 'llego en 15' }],
  ['SÍ 10 minutos', 'es', { yes: true, eta: 10 }],
  ['Sí voy, 1 hora', 'es', { yes: true, eta: 60, note: 'voy, 1 hora' }],
  ['Sí 👍 voy en camino', 'es', { yes: true, note: 'voy en camino' }],
  ['sí {code}', 'es', { yes: true }],
  ['Si {code} 20', 'es', { yes: true, eta: 20 }],
  ['SI {code} llego pronto', 'es', { yes: true, note: 'llego pronto' }],
  // Portuguese and Haitian Creole; the answer comes in the language the volunteer takes texts in.
  ['Sim', 'es', { yes: true }],
  ['sim, vou', 'es', { yes: true, note: 'vou' }],
  ['Wi', 'en', { yes: true }],
  ['wi!', 'en', { yes: true }],
  ['WI {code}', 'en', { yes: true }],
  ['Não', 'es', { no: true }],
  ['nao {code}', 'es', { no: true }],
  ['Non', 'en', { no: true }],
  ['NON {code}', 'en', { no: true }],
  // NO in both languages.
  ['NO', 'en', { no: true }],
  ['no', 'es', { no: true }],
  ['NO.', 'en', { no: true }],
  ['No!', 'es', { no: true }],
  ['NOOO', 'en', { no: true }],
  ['No 👎', 'es', { no: true }],
  ['No, sorry', 'en', { no: true, note: 'sorry' }],
  ['No puedo', 'es', { no: true, note: 'puedo' }],
  ['no, estoy trabajando', 'es', { no: true, note: 'estoy trabajando' }],
  ['no {code}', 'en', { no: true }],
  ['No {code} lo siento', 'es', { no: true, note: 'lo siento' }],
  // Never a guess: none of these is YES or NO.
  ['ok', 'en', 'unclear'],
  ['OK!', 'es', 'unclear'],
  ['claro', 'es', 'unclear'],
  ['Claro que sí', 'es', 'unclear'],
  ['y', 'en', 'unclear'],
  ['👍', 'en', 'unclear'],
  ['👍👍', 'es', 'unclear'],
  ['maybe', 'en', 'unclear'],
  ['Yse', 'en', 'unclear'],
  ['yea', 'en', 'unclear'],
  ['yep', 'en', 'unclear'],
  ['sip', 'es', 'unclear'],
  ['s', 'es', 'unclear'],
  ['k', 'en', 'unclear'],
  ['Voy', 'es', 'unclear'],
  ['en camino', 'es', 'unclear'],
  ['Hola, sí voy', 'es', 'unclear'],
  ['I can go', 'en', 'unclear'],
  ['?', 'en', 'unclear'],
  ['{code}', 'en', 'unclear'],
  // Codes win: a code that is not theirs answers nothing, even with one offer open.
  ['YES {other}', 'en', 'unknown code'],
  ['Sí {other}', 'es', 'unknown code'],
  ['yes for {other}', 'en', 'unknown code'],
  ['YES {code}1', 'en', 'unknown code'],
  ['NO {other}', 'en', 'unknown code'],
];

describe('SMS replies as people really type them', () => {
  let t: TestApp;
  let n: Network;
  beforeEach(async () => {
    t = await buildDispatchApp();
    n = await network(t);
  });
  afterEach(() => t.close());

  it('has at least 60 real-style replies, each once', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(60);
    expect(new Set(TABLE.map(([text]) => text)).size).toBe(TABLE.length);
  });

  it.each(TABLE)('%j (%s) → %j', async (template, lang, outcome) => {
    const ana = await volunteer(n, { name: 'Ana Lopez', smsLanguage: lang });
    const r = await release(n);
    const d = await dispatch(n, r.id, { needed: 1 });
    const code = offerOf(d, ana.id).code;
    const other = code === '9999' ? '1000' : String(Number(code) + 1).padStart(4, '0');
    const body = template.replace('{code}', code).replace('{other}', other);

    const answer = await reply(n, ana, body);
    const offer = offerOf(await getDispatch(n, d.id), ana.id);

    if (outcome === 'unclear') {
      expect(offer).toMatchObject({ state: 'offered', unclear: true, replyText: body.trim() });
      expect(answer).toBe(render('offerUnclear', lang, { release: r.code, code }));
    } else if (outcome === 'unknown code') {
      expect(offer).toMatchObject({ state: 'offered', unclear: false, replyText: null });
      expect(answer).not.toContain(r.code);
    } else if ('yes' in outcome) {
      expect(offer).toMatchObject({
        state: 'accepted',
        etaMinutes: outcome.eta ?? null,
        replyText: outcome.note ?? null,
      });
      expect(answer).toContain(r.code);
      expect(answer).toMatch(lang === 'es' ? /^Confirmado / : /^Confirmed /);
    } else {
      expect(offer).toMatchObject({ state: 'declined', replyText: outcome.note ?? null });
      expect(answer).toBe(render('offerDeclined', lang));
    }
  });
});
