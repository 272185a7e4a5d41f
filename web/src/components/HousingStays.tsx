import { MAX_NIGHTS } from '@shared/housing';
import { useState } from 'preact/hooks';
import { type ApiError, api, type HousingSite, type Stay, toApiError } from '../api';
import { useI18n } from '../i18n';
import { errorText } from './ErrorMessage';
import { stayFieldErrors } from './HousingBits';
import { formatDay } from './networkTime';

/** Extend, move or check out one running stay; a refusal shows next to the action it answers. */
export function StayActions({
  stay,
  sites,
  onDone,
}: {
  stay: Stay;
  sites: HousingSite[];
  onDone: () => void;
}) {
  const { t, lang } = useI18n();
  const [more, setMore] = useState('1');
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<{ action: string; error: ApiError } | null>(null);
  const others = sites.filter((s) => s.active && s.id !== stay.housingSiteId);

  const act = async (action: string, call: () => Promise<Stay>) => {
    setBusy(action);
    setError(null);
    try {
      await call();
      onDone();
    } catch (err) {
      setError({ action, error: toApiError(err) });
    } finally {
      setBusy(null);
    }
  };
  const errorOf = (action: string) => (error?.action === action ? error.error : null);
  const problem = (action: string) => {
    const err = errorOf(action);
    if (!err) return null;
    const nights = Object.values(stayFieldErrors(t, lang, err)).join('; ');
    return (
      <p class="field-error" role="alert" data-testid="stay-error">
        {errorText(t, err)}
        {nights && ` ${nights}`}
      </p>
    );
  };
  const id = (name: string) => `stay-${stay.id}-${name}`;

  return (
    <div class="stay-actions">
      <div class={`inline-add${errorOf('extend') ? ' field-invalid' : ''}`}>
        <label class="inline-label" for={id('more')}>
          {t('housing.moreNights')}
        </label>
        <input
          id={id('more')}
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_NIGHTS}
          value={more}
          onInput={(e) => setMore(e.currentTarget.value)}
        />
        <button
          type="button"
          class="btn btn-small"
          disabled={busy !== null}
          onClick={() => void act('extend', () => api.extendStay(stay.id, Number(more)))}
        >
          {t('housing.extend')}
        </button>
      </div>
      {problem('extend')}
      {others.length > 0 && (
        <div class={`inline-add${errorOf('move') ? ' field-invalid' : ''}`}>
          <label class="inline-label" for={id('to')}>
            {t('housing.moveTo')}
          </label>
          <select id={id('to')} value={to} onChange={(e) => setTo(e.currentTarget.value)}>
            <option value="">—</option>
            {others.map((s) => (
              <option key={s.id} value={String(s.id)}>
                {t('housing.siteFree', { name: s.name, n: s.freeTonight })}
              </option>
            ))}
          </select>
          <button
            type="button"
            class="btn btn-small"
            disabled={busy !== null || !to}
            onClick={() => void act('move', () => api.moveStay(stay.id, Number(to)))}
          >
            {t('housing.move')}
          </button>
        </div>
      )}
      {problem('move')}
      <button
        type="button"
        class="btn btn-small"
        disabled={busy !== null}
        onClick={() => void act('checkout', () => api.checkoutStay(stay.id))}
      >
        {t('housing.checkout')}
      </button>
      {problem('checkout')}
    </div>
  );
}

/** A release's stays, newest last; operators extend, move or check out the ones still running. */
export function HousingStays({
  stays,
  sites,
  operator,
  onChanged,
}: {
  stays: Stay[];
  sites: HousingSite[];
  operator: boolean;
  onChanged: () => void;
}) {
  const { t, lang } = useI18n();
  if (stays.length === 0) return <p class="empty">{t('housing.noStays')}</p>;
  return (
    <ul class="stay-list" data-testid="stays">
      {stays.map((s) => (
        <li
          key={s.id}
          class={`stay stay-${s.status}`}
          data-testid="stay"
          data-status={s.status}
          data-site={s.housingSiteId}
        >
          <p class="stay-head">
            <strong>{s.housingSiteName}</strong>{' '}
            <span class={`chip ${s.status === 'active' ? 'chip-ok' : 'chip-wait'}`}>
              {t(`stayStatus.${s.status}`)}
            </span>
          </p>
          <p class="stay-when">
            {t(s.people === 1 ? 'housing.stayPeople.one' : 'housing.stayPeople.other', { n: s.people })} ·{' '}
            {t('housing.fromTo', { from: formatDay(lang, s.checkIn), to: formatDay(lang, s.checkOut) })}
          </p>
          {operator && s.status === 'active' && <StayActions stay={s} sites={sites} onDone={onChanged} />}
        </li>
      ))}
    </ul>
  );
}
