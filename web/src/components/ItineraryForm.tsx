import { MAX_CONFIRMATION, MAX_LEGS, MAX_PLACE, MAX_SEATS, ticketStatuses } from '@shared/travel';
import { useState } from 'preact/hooks';
import { api, type Itinerary, type ItineraryBody, type ReleaseDetail } from '../api';
import { formError, useSubmission } from '../forms';
import { useI18n } from '../i18n';
import { ErrorMessage } from './ErrorMessage';
import { Field } from './Field';
import { emptyLeg, type LegDraft, LegFields, legErrors } from './ItineraryLegs';
import { Stepper } from './Stepper';

/** A leg as the server shows it, back into the form: its ISO digits are already the stop's local time. */
function draftOf(leg: Itinerary['legs'][number]): LegDraft {
  return {
    carrier: leg.carrier,
    from: leg.from,
    fromZone: leg.fromZone,
    departsAt: leg.departsAt.slice(0, 16),
    to: leg.to,
    toZone: leg.toZone,
    arrivesAt: leg.arrivesAt.slice(0, 16),
  };
}

/** A new itinerary, or a change to one: how many of the group, where to, and each leg as its ticket reads. */
export function ItineraryForm({
  release,
  itinerary,
  onDone,
}: {
  release: ReleaseDetail;
  itinerary?: Itinerary;
  onDone: (it: Itinerary) => void;
}) {
  const { t } = useI18n();
  const [people, setPeople] = useState(itinerary?.people ?? release.people);
  const [destination, setDestination] = useState(itinerary?.destination ?? release.destination ?? '');
  const [ticket, setTicket] = useState<(typeof ticketStatuses)[number]>(itinerary?.ticket ?? 'needed');
  const [language, setLanguage] = useState<'es' | 'en'>(itinerary?.language ?? 'es');
  const [seats, setSeats] = useState(itinerary?.seats ?? '');
  const [confirmation, setConfirmation] = useState(itinerary?.confirmation ?? '');
  const [legs, setLegs] = useState<LegDraft[]>(itinerary ? itinerary.legs.map(draftOf) : [{ ...emptyLeg }]);
  const submission = useSubmission<Itinerary>();
  const errors = submission.fieldErrors;
  const perLeg = legErrors(submission.error?.details ?? []);

  const addLeg = () => {
    const last = legs[legs.length - 1] ?? emptyLeg;
    setLegs([...legs, { ...emptyLeg, from: last.to, fromZone: last.toZone }]);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const body: ItineraryBody = {
      people,
      destination,
      ticket,
      language,
      ...(seats ? { seats } : {}),
      ...(confirmation ? { confirmation } : {}),
      legs: legs.map((l) => ({
        carrier: l.carrier,
        from: l.from,
        ...(l.fromZone ? { fromZone: l.fromZone } : {}),
        departsAt: l.departsAt,
        to: l.to,
        ...(l.toZone ? { toZone: l.toZone } : {}),
        arrivesAt: l.arrivesAt,
      })),
    };
    const saved = await submission.run((key) =>
      itinerary
        ? api.updateItinerary(itinerary.id, {
            ...body,
            ticket,
            language,
            seats: seats || null,
            confirmation: confirmation || null,
          })
        : api.createItinerary(release.id, body, key),
    );
    if (saved) onDone(saved);
  };

  return (
    <form class="form itinerary-form" onSubmit={submit} data-testid="itinerary-form">
      <ErrorMessage error={formError(submission.error, errors)} />
      <Stepper
        id="itinerary-people"
        label={t('travel.people')}
        value={people}
        min={1}
        max={release.people}
        decreaseLabel={t('travel.fewer')}
        increaseLabel={t('travel.more')}
        onChange={setPeople}
      />
      {errors.people && <p class="field-error">{errors.people}</p>}
      <Field id="itinerary-destination" label={t('travel.destination')} error={errors.destination}>
        {(a11y) => (
          <input
            {...a11y}
            required
            maxLength={MAX_PLACE}
            value={destination}
            onInput={(e) => setDestination(e.currentTarget.value)}
          />
        )}
      </Field>
      <div class="form-grid">
        <Field id="itinerary-ticket" label={t('travel.ticket')}>
          {(a11y) => (
            <select
              {...a11y}
              value={ticket}
              onChange={(e) => setTicket(e.currentTarget.value as typeof ticket)}
            >
              {ticketStatuses.map((s) => (
                <option key={s} value={s}>
                  {t(`ticket.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="itinerary-language" label={t('travel.language')} hint={t('travel.languageHint')}>
          {(a11y) => (
            <select
              {...a11y}
              value={language}
              onChange={(e) => setLanguage(e.currentTarget.value as 'es' | 'en')}
            >
              <option value="es">Español</option>
              <option value="en">English</option>
            </select>
          )}
        </Field>
        <Field id="itinerary-seats" label={t('travel.seats')} error={errors.seats}>
          {(a11y) => (
            <input
              {...a11y}
              maxLength={MAX_SEATS}
              value={seats}
              onInput={(e) => setSeats(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field
          id="itinerary-confirmation"
          label={t('travel.confirmation')}
          hint={t('travel.confirmationHint')}
        >
          {(a11y) => (
            <input
              {...a11y}
              maxLength={MAX_CONFIRMATION}
              value={confirmation}
              onInput={(e) => setConfirmation(e.currentTarget.value)}
            />
          )}
        </Field>
      </div>
      <p class="hint">{t('travel.localTimes')}</p>
      {legs.map((leg, i) => (
        <LegFields
          key={i}
          i={i}
          leg={leg}
          errors={perLeg}
          onChange={(next) => setLegs(legs.map((l, j) => (j === i ? next : l)))}
          onRemove={legs.length > 1 ? () => setLegs(legs.filter((_, j) => j !== i)) : undefined}
        />
      ))}
      <div class="form-actions">
        {legs.length < MAX_LEGS && (
          <button type="button" class="btn" onClick={addLeg} data-testid="add-leg">
            {t('travel.addLeg')}
          </button>
        )}
        <button type="submit" class="btn btn-primary" disabled={submission.busy}>
          {submission.busy ? t('form.saving') : t('travel.save')}
        </button>
      </div>
    </form>
  );
}
