import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { smsOptOuts } from '../../../db/schema';
import { consoleGateway, type OutgoingSms, type SmsGateway } from '../../../server/modules/sms/sms.gateway';
import { segmentInfo } from '../../../server/modules/sms/sms.text';
import { render, type TemplateKey, templates } from '../../../server/texts';
import type { TestApp } from '../../helpers/app';
import { type FakeTwilio, startFakeTwilio } from '../../helpers/fake-twilio';
import { auditRows, smsRows } from '../../helpers/fixtures';
import { buildConsoleApp, buildTwilioApp, inbound, queue, smsRow } from './sms.helpers';

const OPT_OUT = {
  en: ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT'],
  es: ['PARAR', 'ALTO', 'BAJA', 'CANCELAR'],
} as const;
const OPT_IN = { en: ['START', 'UNSTOP'], es: ['ALTA'] } as const;
const HELP = { en: ['HELP', 'INFO'], es: ['AYUDA'] } as const;

const both = (words: { en: readonly string[]; es: readonly string[] }) => [
  ...words.en.map((w) => [w, 'en'] as const),
  ...words.es.map((w) => [w, 'es'] as const),
];

/** The console driver, with a record of what reached it. */
function recordingGateway(): SmsGateway & { sent: OutgoingSms[] } {
  const inner = consoleGateway();
  const sent: OutgoingSms[] = [];
  return {
    driver: inner.driver,
    healthy: inner.healthy,
    sent,
    send(message) {
      sent.push(message);
      return inner.send(message);
    },
  };
}

let phoneCounter = 0;
function newPhone(): string {
  phoneCounter += 1;
  return `+1720555${String(1000 + phoneCounter).slice(-4)}`;
}

describe('SMS keywords (console driver)', () => {
  let t: TestApp;
  let gateway: ReturnType<typeof recordingGateway>;
  beforeEach(async () => {
    gateway = recordingGateway();
    t = await buildConsoleApp({ sms: gateway });
  });
  afterEach(() => t.close());

  async function text(from: string, body: string) {
    const res = await inbound(t, from, body);
    expect(res.statusCode).toBe(200);
    await t.app.services.sms.outbox.flush();
  }
  const repliesTo = (phone: string) =>
    smsRows(t).filter((r) => r.direction === 'outbound' && r.phone === phone && r.kind !== 'direct');
  const optedOut = () =>
    t.db
      .select()
      .from(smsOptOuts)
      .all()
      .map((o) => o.phone);

  it.each(both(OPT_OUT))(
    '%s opts the number out, confirmed in %s, and nothing is sent to it after',
    async (word, lang) => {
      const phone = newPhone();
      await text(phone, word);
      expect(optedOut()).toEqual([phone]);
      expect(repliesTo(phone)).toMatchObject([
        { body: render('optedOut', lang), kind: 'opt_confirmation', language: lang, status: 'delivered' },
      ]);

      const direct = queue(t, phone, 'Are you free tonight?').id;
      await t.app.services.sms.outbox.flush();
      expect(smsRow(t, direct)).toMatchObject({ status: 'opted_out', errorCode: 'opted_out', attempts: 0 });
      expect(gateway.sent.map((m) => m.body)).toEqual([render('optedOut', lang)]);

      const lines = auditRows(t, 'sms.opt_out');
      expect(lines).toHaveLength(1);
      expect(lines[0]!.changes).toMatchObject({ keyword: word });
    },
  );

  it.each(both(OPT_IN))('%s opts the number back in, confirmed in %s', async (word, lang) => {
    const phone = newPhone();
    await text(phone, 'STOP');
    await text(phone, word);
    expect(optedOut()).toEqual([]);
    expect(repliesTo(phone).at(-1)).toMatchObject({
      body: render('optedIn', lang),
      kind: 'opt_confirmation',
      language: lang,
    });

    const direct = queue(t, phone, 'Are you free tonight?').id;
    await t.app.services.sms.outbox.flush();
    expect(smsRow(t, direct).status).toBe('delivered');
    expect(gateway.sent.at(-1)).toMatchObject({ to: phone, body: 'Are you free tonight?' });
    expect(auditRows(t, 'sms.opt_in')).toHaveLength(1);
  });

  it('answers HELP even after the number opted out, and nothing else', async () => {
    const phone = newPhone();
    await text(phone, 'PARAR');
    await text(phone, 'AYUDA');
    await text(phone, 'hola');
    const replies = repliesTo(phone);
    expect(replies.map((r) => [r.body, r.status])).toEqual([
      [render('optedOut', 'es'), 'delivered'],
      [render('help', 'es'), 'delivered'],
      [render('help', 'es'), 'opted_out'],
    ]);
  });

  it.each(both(HELP))('%s answers the help text in %s', async (word, lang) => {
    const phone = newPhone();
    await text(phone, word);
    expect(repliesTo(phone)).toMatchObject([
      { body: render('help', lang), kind: 'opt_confirmation', language: lang },
    ]);
    expect(optedOut()).toEqual([]);
  });

  it.each([
    [' párar ', 'optedOut', 'es'],
    ['Stop', 'optedOut', 'en'],
    ['  s t o p', 'help', 'en'],
    ['stop\n', 'optedOut', 'en'],
    ['Cancelár', 'optedOut', 'es'],
    ['aYuDa', 'help', 'es'],
    ['ÁYÚDA   ', 'help', 'es'],
    ['\tinfo  please', 'help', 'en'],
  ] as const)(
    'reads %j as a keyword whatever the case, accents and spaces (%s, %s)',
    async (body, template, lang) => {
      const phone = newPhone();
      await text(phone, body);
      expect(repliesTo(phone).map((r) => r.body)).toEqual([render(template as TemplateKey, lang)]);
      expect(optedOut()).toEqual(template === 'optedOut' ? [phone] : []);
    },
  );

  it('answers an unknown word with the help text, in English for an unknown number', async () => {
    const phone = newPhone();
    await text(phone, 'hello, is anyone there?');
    expect(repliesTo(phone)).toMatchObject([{ body: render('help', 'en'), language: 'en' }]);
    await text(phone, '');
    expect(repliesTo(phone).map((r) => r.body)).toEqual([render('help', 'en'), render('help', 'en')]);
  });

  it("answers someone we know in their profile's language, a stranger in the keyword's, and gives an unknown number no data", async () => {
    const { router } = t.app.services.sms;
    const handled: string[] = [];
    router.register({
      name: 'test',
      en: ['SHIFTS'],
      es: ['TURNOS'],
      handle: ({ sender, lang }) => {
        handled.push(sender.phone);
        return { text: `shifts for you (${lang})` };
      },
    });
    const known = newPhone();
    router.addSenderLookup((_db, phone) =>
      phone === known ? { phone, kind: 'volunteer', id: 7, language: 'es' } : null,
    );

    const stranger = newPhone();
    await text(stranger, 'turnos');
    await text(stranger, 'shifts');
    expect(repliesTo(stranger).map((r) => r.body)).toEqual([render('help', 'es'), render('help', 'en')]);

    await text(known, 'SHIFTS');
    await text(known, 'what?');
    expect(repliesTo(known).map((r) => r.body)).toEqual(['shifts for you (es)', render('help', 'es')]);
    expect(handled).toEqual([known]);
  });

  it('keeps the full number out of the audit lines of opt-out and opt-in', async () => {
    const phone = '+17205550199';
    await text(phone, 'BAJA');
    await text(phone, 'ALTA');
    const lines = auditRows(t);
    expect(lines.map((l) => l.action)).toEqual(
      expect.arrayContaining(['sms.opt_out', 'sms.opt_in', 'sms.received']),
    );
    const written = JSON.stringify(lines);
    expect(written).not.toContain('7205550199');
    expect(written).not.toContain('5550199');
    expect(lines.find((l) => l.action === 'sms.opt_out')!.changes).toMatchObject({ phone: '+1***99' });
  });
});

describe('SMS keywords with the twilio driver', () => {
  let fake: FakeTwilio;
  let t: TestApp;
  beforeEach(async () => {
    fake = await startFakeTwilio();
    t = await buildTwilioApp(fake);
  });
  afterEach(async () => {
    await t.close();
    await fake.close();
  });

  async function text(from: string, body: string) {
    expect((await inbound(t, from, body)).statusCode).toBe(200);
    await t.app.services.sms.outbox.flush();
  }
  const bodiesTo = (phone: string) => fake.received.filter((m) => m.to === phone).map((m) => m.body);

  it.each([...OPT_OUT.en, ...OPT_IN.en, ...HELP.en, 'stop'])(
    'sends no reply of ours to a bare %s, which Twilio answers itself',
    async (word) => {
      const phone = newPhone();
      await text(phone, word);
      expect(smsRows(t).filter((r) => r.direction === 'outbound')).toEqual([]);
      expect(fake.attempts).toBe(0);
    },
  );

  it.each([
    ['PARAR', 'optedOut'],
    ['ALTA', 'optedIn'],
    ['AYUDA', 'help'],
  ] as const)('answers %s itself, in Spanish', async (word, template) => {
    const phone = newPhone();
    await text(phone, word);
    expect(bodiesTo(phone)).toEqual([render(template, 'es')]);
  });

  it('sends nothing to a number after STOP and sends again after START', async () => {
    const phone = newPhone();
    await text(phone, 'STOP');
    const held = queue(t, phone, 'offer A1').id;
    await t.app.services.sms.outbox.flush();
    expect(smsRow(t, held).status).toBe('opted_out');
    expect(fake.attempts).toBe(0);

    await text(phone, 'START');
    const sent = queue(t, phone, 'offer A2').id;
    await t.app.services.sms.outbox.flush();
    expect(smsRow(t, sent).status).toBe('submitted');
    expect(bodiesTo(phone)).toEqual(['offer A2']);
  });

  it('answers an unknown word and a keyword with arguments, which Twilio does not', async () => {
    const phone = newPhone();
    await text(phone, 'HELP me');
    await text(phone, 'hola');
    expect(bodiesTo(phone)).toEqual([render('help', 'en'), render('help', 'en')]);
  });
});

describe('templates', () => {
  it.each(
    Object.entries(templates).flatMap(([key, texts]) =>
      Object.entries(texts).map(([lang, text]) => [key, lang, text] as const),
    ),
  )('%s (%s) is one GSM-7 segment', (_key, _lang, text) => {
    expect(segmentInfo(text)).toEqual({ encoding: 'GSM-7', segments: 1 });
  });
});
