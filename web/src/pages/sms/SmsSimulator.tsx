import { MAX_PHONE_INPUT, MAX_SMS_BODY } from '@shared/sms';
import { useEffect, useRef, useState } from 'preact/hooks';
import { type ApiError, api, type SimulateResult, type SmsMessage, toApiError } from '../../api';
import { Disclosure } from '../../components/Disclosure';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { nationalPhone } from '../../components/phone';
import { SmsStatusChip, useStatusEvents } from '../../components/SmsStatus';
import { When } from '../../components/When';
import { useSubmission } from '../../forms';
import { useI18n } from '../../i18n';
import { useLiveReload, useLiveResource } from '../../resource';
import { phoneError } from './SmsComposer';

const threadSize = 50;
const tryKeywords = ['YES', 'WELL', 'STATUS', 'RELEASE', 'SHIFT', 'HELP', 'AYUDA', 'STOP', 'START'];

interface Thread {
  items: SmsMessage[] | null;
  error: ApiError | null;
  reload: () => void;
}

/** The log for one number, oldest first, following live changes. */
function useThread(phone: string): Thread {
  const [items, setItems] = useState<SmsMessage[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const phoneRef = useRef(phone);
  phoneRef.current = phone;
  const seq = useRef(0);

  const load = () => {
    const mine = ++seq.current;
    const wanted = phoneRef.current.trim();
    if (!wanted) {
      setItems(null);
      setError(null);
      return;
    }
    api.smsMessages({ phone: wanted, limit: threadSize }).then(
      (page) => {
        if (mine !== seq.current) return;
        setItems(page.items.slice().reverse());
        setError(null);
      },
      (err: unknown) => {
        if (mine !== seq.current) return;
        setItems(null);
        // A number still being typed is not worth an alarm; the hint already says what is needed.
        const apiErr = toApiError(err);
        setError(apiErr.code === 'validation' ? null : apiErr);
      },
    );
  };

  useLiveReload(load, ['sms.']);
  useStatusEvents(setItems);

  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = window.setTimeout(load, 300);
    return () => window.clearTimeout(timer);
  }, [phone]);

  return { items, error, reload: load };
}

function Bubble({ message }: { message: SmsMessage }) {
  const { t } = useI18n();
  // Seen from the simulated phone: what it sent sits on the right, what Bienvenida answered on the left.
  const mine = message.direction === 'inbound';
  return (
    <li
      class={`bubble ${mine ? 'bubble-mine' : 'bubble-theirs'}`}
      data-testid="sim-message"
      data-direction={message.direction}
    >
      <span class="visually-hidden">{mine ? t('sim.fromPhone') : t('sim.fromUs')}: </span>
      <span class="bubble-body" data-testid="sim-body">
        {message.body}
      </span>
      <span class="bubble-meta">
        <When iso={message.createdAt} />
        {!mine && <SmsStatusChip message={message} />}
      </span>
    </li>
  );
}

export function SmsSimulator() {
  const { t } = useI18n();
  const [from, setFrom] = useState('');
  const [body, setBody] = useState('');
  const [number, setNumber] = useState<string | null>(null);
  const thread = useThread(from);
  const submission = useSubmission<SimulateResult>();
  const errors = submission.fieldErrors;
  const box = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const items = thread.items ?? [];
  const lastId = items.at(-1)?.id;

  useEffect(() => {
    const el = list.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [lastId, items.length]);

  const send = async (e: Event) => {
    e.preventDefault();
    const text = body;
    const result = await submission.run((key) => api.simulateSms({ from: from.trim(), body: text }, key));
    if (!result) return;
    setNumber(result.inbound.phone);
    setBody('');
    thread.reload();
    box.current?.focus();
  };

  const roster = useLiveResource(() => api.volunteers({ active: 'true' }), ['volunteer.']);
  const people = roster.data?.items ?? [];
  const who = people.find((v) => v.phone === (number ?? from.trim()));
  const heading = who ? who.name : nationalPhone(number ?? from.trim());

  return (
    <Disclosure id="sms-sim-title" title={t('sim.title')}>
      <form class="sim" onSubmit={send} aria-labelledby="sms-sim-title" data-testid="sms-simulator">
        <p class="hint sim-intro">{t('sim.intro')}</p>
        {people.length > 0 && (
          <div class="field">
            <label for="sim-as">{t('sim.as')}</label>
            <select
              id="sim-as"
              value={who ? String(who.id) : ''}
              onChange={(e) => {
                const chosen = people.find((v) => String(v.id) === e.currentTarget.value);
                setFrom(chosen ? chosen.phone : '');
                setNumber(null);
                submission.reset();
              }}
              data-testid="sim-as"
            >
              <option value="">{t('sim.asNumber')}</option>
              {people.map((v) => (
                <option key={v.id} value={String(v.id)}>
                  {v.name} · {nationalPhone(v.phone)}
                </option>
              ))}
            </select>
          </div>
        )}
        <Field
          id="sim-from"
          label={t('sim.from')}
          hint={t('sim.fromHint')}
          error={phoneError(t, errors.from)}
        >
          {(a11y) => (
            <input
              {...a11y}
              type="tel"
              autoComplete="off"
              required
              maxLength={MAX_PHONE_INPUT}
              value={from}
              onInput={(e) => {
                setFrom(e.currentTarget.value);
                setNumber(null);
                submission.reset();
              }}
            />
          )}
        </Field>
        <div class="phone">
          <p class="phone-head">{heading ? t('sim.conversation', { phone: heading }) : t('sim.noNumber')}</p>
          <div class="phone-thread" ref={list} role="log" aria-label={t('sim.thread')}>
            {thread.items && items.length === 0 && <p class="phone-empty">{t('sim.empty')}</p>}
            <ol class="bubbles">
              {items.map((m) => (
                <Bubble key={m.id} message={m} />
              ))}
            </ol>
          </div>
          <div class="phone-compose">
            <label for="sim-body" class="visually-hidden">
              {t('sim.message')}
            </label>
            <input
              id="sim-body"
              ref={box}
              required
              maxLength={MAX_SMS_BODY}
              autoComplete="off"
              placeholder={t('sim.message')}
              value={body}
              onInput={(e) => setBody(e.currentTarget.value)}
            />
            <button type="submit" class="btn btn-primary" disabled={submission.busy}>
              {t('sim.send')}
            </button>
          </div>
        </div>
        <ErrorMessage error={submission.error} />
        <ErrorMessage error={thread.error} />
        <p class="sim-try">
          <span>{t('sim.try')}</span>
          {tryKeywords.map((word) => (
            <button
              key={word}
              type="button"
              class="btn btn-small mono"
              onClick={() => {
                setBody(word);
                box.current?.focus();
              }}
            >
              {word}
            </button>
          ))}
        </p>
      </form>
    </Disclosure>
  );
}
