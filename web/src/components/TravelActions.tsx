import { ticketStatuses } from '@shared/travel';
import { useState } from 'preact/hooks';
import { api, type Itinerary, type ShareResult } from '../api';
import { useSubmission } from '../forms';
import { useI18n } from '../i18n';
import { ErrorMessage } from './ErrorMessage';
import { Field } from './Field';
import { SiteSelect, SupplyError, useSites, useSupplyItems } from './SupplyBits';

/** The traveller's link with its QR code, and texting it to the phone they travel with. */
export function ShareBox({ itinerary }: { itinerary: Itinerary }) {
  const { t } = useI18n();
  const [shared, setShared] = useState<ShareResult | null>(null);
  const [to, setTo] = useState('');
  const [language, setLanguage] = useState(itinerary.language);
  const [texted, setTexted] = useState(false);
  const submission = useSubmission<ShareResult>();

  const share = async (body: { to?: string; language?: 'en' | 'es' } = {}) => {
    setTexted(false);
    const result = await submission.run(() => api.shareItinerary(itinerary.id, body));
    if (result) {
      setShared(result);
      setTexted(result.texted);
      if (result.texted) setTo('');
    }
  };

  if (!shared)
    return (
      <div class="share-box">
        <ErrorMessage error={submission.error} />
        <button
          type="button"
          class="btn"
          disabled={submission.busy}
          onClick={() => void share()}
          data-testid="share"
        >
          {t('travel.share')}
        </button>
      </div>
    );
  return (
    <div class="share-box" data-testid="share-box">
      <ErrorMessage error={submission.error} />
      <p>
        <a href={shared.url} target="_blank" rel="noreferrer noopener" data-testid="share-url" class="mono">
          {shared.url}
        </a>
      </p>
      <img
        class="qr-code"
        alt={t('travel.qrAlt')}
        width={180}
        height={180}
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(shared.qrSvg)}`}
        data-testid="share-qr"
      />
      <p class="hint">{t('travel.shareHint')}</p>
      <form
        class="form inline-add"
        onSubmit={(e) => {
          e.preventDefault();
          void share({ to, language });
        }}
      >
        <Field id={`share-to-${itinerary.id}`} label={t('travel.textTo')} error={submission.fieldErrors.to}>
          {(a11y) => (
            <input {...a11y} type="tel" required value={to} onInput={(e) => setTo(e.currentTarget.value)} />
          )}
        </Field>
        <Field id={`share-lang-${itinerary.id}`} label={t('travel.language')}>
          {(a11y) => (
            <select
              {...a11y}
              value={language}
              onChange={(e) => setLanguage(e.currentTarget.value as 'en' | 'es')}
            >
              <option value="es">Español</option>
              <option value="en">English</option>
            </select>
          )}
        </Field>
        <button type="submit" class="btn" disabled={submission.busy}>
          {t('travel.sendText')}
        </button>
      </form>
      {texted && (
        <p class="alert alert-ok" role="status">
          {t('travel.texted')}
        </p>
      )}
    </div>
  );
}

/** Ticket status in one tap: buying it ticks the release's travel_tickets need. */
export function TicketSelect({ itinerary }: { itinerary: Itinerary }) {
  const { t } = useI18n();
  const submission = useSubmission<Itinerary>();
  return (
    <Field id={`ticket-${itinerary.id}`} label={t('travel.ticket')}>
      {(a11y) => (
        <>
          <select
            {...a11y}
            value={itinerary.ticket}
            disabled={submission.busy}
            onChange={(e) => {
              const ticket = e.currentTarget.value as Itinerary['ticket'];
              void submission.run(() => api.updateItinerary(itinerary.id, { ticket }));
            }}
          >
            {ticketStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`ticket.${s}`)}
              </option>
            ))}
          </select>
          <ErrorMessage error={submission.error} />
        </>
      )}
    </Field>
  );
}

/** Travel bags from stock at a site, one per traveller unless changed. */
export function BagForm({ itinerary }: { itinerary: Itinerary }) {
  const { t } = useI18n();
  const items = useSupplyItems();
  const sites = useSites();
  const active = (items.data?.items ?? []).filter((i) => i.active);
  const bag = active.find((i) => i.need === 'travel_bag');
  const [itemId, setItemId] = useState<number | null>(null);
  const [siteId, setSiteId] = useState<number | null>(itinerary.siteId);
  const submission = useSubmission<Itinerary>();
  const chosen = itemId ?? bag?.id ?? null;
  if (items.data && active.length === 0) return <p class="hint">{t('supplies.noItems')}</p>;
  return (
    <form
      class="form inline-add"
      data-testid="bag-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen === null || siteId === null) return;
        void submission.run(() => api.travelBags(itinerary.id, { itemId: chosen, siteId }));
      }}
    >
      <SupplyError error={submission.error} />
      <Field id={`bag-item-${itinerary.id}`} label={t('travel.bagItem')}>
        {(a11y) => (
          <select
            {...a11y}
            required
            value={chosen ?? ''}
            onChange={(e) => setItemId(e.currentTarget.value ? Number(e.currentTarget.value) : null)}
          >
            <option value="">{t('supplies.pickItem')}</option>
            {active.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`bag-site-${itinerary.id}`} label={t('supplies.fromSite')}>
        {(a11y) => (
          <SiteSelect a11y={a11y} sites={sites.data?.items ?? []} value={siteId} onChange={setSiteId} />
        )}
      </Field>
      <button
        type="submit"
        class="btn"
        disabled={submission.busy || chosen === null}
        data-testid="bag-submit"
      >
        {t('travel.handOutBags', { n: itinerary.people })}
      </button>
    </form>
  );
}
