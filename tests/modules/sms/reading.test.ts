import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { smsOptOuts } from '../../../db/schema';
import { keywordWords, textAfterWords } from '../../../server/modules/sms/sms.text';
import { render } from '../../../server/texts';
import type { TestApp } from '../../helpers/app';
import { addVolunteer, text } from '../../helpers/fixtures';
import { buildConsoleApp } from './sms.helpers';

describe('reading the first word of a text', () => {
  it('sets aside punctuation, quotes, emoji, accents and case, and keeps numbers as written', () => {
    const read = (body: string) => keywordWords(body).map((w) => w.word);
    expect(read('Sí, llego en 15')).toEqual(['SI', 'LLEGO', 'EN', '15']);
    expect(read('“Yes!!” 👍🏽')).toEqual(['YES']);
    expect(read('si,voy')).toEqual(['SI', 'VOY']);
    expect(read('¡¿Não?!')).toEqual(['NAO']);
    expect(read('RELEASE GREY 2.5 -1')).toEqual(['RELEASE', 'GREY', '2.5', '-1']);
    expect(read('👍 🙏')).toEqual([]);
  });

  it('keeps the rest of the text as written, after the words read', () => {
    const body = 'Sí, llego en 15 👍';
    expect(textAfterWords(body, keywordWords(body), 1)).toBe('llego en 15 👍');
    expect(textAfterWords(body, keywordWords(body), 4)).toBe('');
  });
});

describe('keywords typed in a hurry', () => {
  let t: TestApp;
  let cookie: string;
  beforeEach(async () => {
    t = await buildConsoleApp();
    cookie = await t.signIn('coordinator');
  });
  afterEach(() => t.close());

  const replies = async (from: string, body: string) =>
    (await text(t, cookie, from, body)).replies.map((r) => r.body);

  it('opts out on "Stop." and "parar!!", and back in on "Start 🙂"', async () => {
    await replies('+13035550150', 'Stop.');
    await replies('+13035550151', 'parar!!');
    expect(
      t.db
        .select()
        .from(smsOptOuts)
        .all()
        .map((r) => r.phone)
        .sort(),
    ).toEqual(['+13035550150', '+13035550151']);
    await replies('+13035550150', 'Start 🙂');
    expect(
      t.db
        .select()
        .from(smsOptOuts)
        .all()
        .map((r) => r.phone),
    ).toEqual(['+13035550151']);
  });

  it('takes "bien!!" and "WELL." as the daily screen, and "¿ayuda?" as help', async () => {
    const ana = await addVolunteer(t, cookie, { phone: '+13035550152', smsLanguage: 'es' });
    const beto = await addVolunteer(t, cookie, { name: 'Beto Ruiz', phone: '+13035550153' });
    expect(await replies(ana.phone, 'bien!!')).toEqual([render('screenClear', 'es', { name: 'Ana' })]);
    expect(await replies(beto.phone, 'WELL.')).toEqual([render('screenClear', 'en', { name: 'Beto' })]);
    expect(await replies(ana.phone, '¿ayuda?')).toEqual([render('help', 'es')]);
  });

  it('gives the help text, not a guess, for a word that is only close to a keyword', async () => {
    const ana = await addVolunteer(t, cookie, { phone: '+13035550154' });
    expect(await replies(ana.phone, 'wel')).toEqual([render('help', 'en')]);
    expect(await replies(ana.phone, 'stahp')).toEqual([render('help', 'en')]);
    expect(t.db.select().from(smsOptOuts).all()).toEqual([]);
  });
});
