import { type Handoff, handoffs, type ScheduleLayer, scheduleLayers } from '@shared/medical';
import { useState } from 'preact/hooks';
import { api, type MedicalContact, type OnCallSchedule } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Field } from '../../components/Field';
import { InputField, SaveCancel } from '../../components/InputField';
import { fieldErrors, formError, useSubmission } from '../../forms';
import { useI18n } from '../../i18n';

interface FormProps {
  contacts: MedicalContact[];
  onDone: () => void;
}

export function ScheduleForm({ contacts, today, onDone }: FormProps & { today: string }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [layer, setLayer] = useState<ScheduleLayer>('primary');
  const [handoff, setHandoff] = useState<Handoff>('weekly');
  const [handoffTime, setHandoffTime] = useState('08:00');
  const [startsOn, setStartsOn] = useState(today);
  const [participants, setParticipants] = useState<number[]>([]);
  const submit = useSubmission<OnCallSchedule>();
  const errors = fieldErrors(submit.error);
  const toggle = (id: number, on: boolean) =>
    setParticipants(
      on ? [...participants.filter((p) => p !== id), id] : participants.filter((p) => p !== id),
    );
  const save = async (e: Event) => {
    e.preventDefault();
    const done = await submit.run((key) =>
      api.createOnCallSchedule({ name, layer, handoff, handoffTime, startsOn, participants }, key),
    );
    if (done) onDone();
  };
  return (
    <form class="stack" onSubmit={(e) => void save(e)} data-testid="schedule-form">
      <ErrorMessage error={formError(submit.error, errors)} />
      <InputField
        id="schedule-name"
        label={t('medical.scheduleName')}
        error={errors.name}
        required
        value={name}
        onValue={setName}
      />
      <Field id="schedule-layer" label={t('medical.layer')} error={errors.layer}>
        {(a11y) => (
          <select {...a11y} value={layer} onChange={(e) => setLayer(e.currentTarget.value as ScheduleLayer)}>
            {scheduleLayers.map((l) => (
              <option key={l} value={l}>
                {t(`layer.${l}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="schedule-handoff" label={t('medical.handoff')} error={errors.handoff}>
        {(a11y) => (
          <select {...a11y} value={handoff} onChange={(e) => setHandoff(e.currentTarget.value as Handoff)}>
            {handoffs.map((h) => (
              <option key={h} value={h}>
                {t(`handoff.${h}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <InputField
        id="schedule-time"
        label={t('medical.handoffTime')}
        error={errors.handoffTime}
        type="time"
        required
        value={handoffTime}
        onValue={setHandoffTime}
      />
      <InputField
        id="schedule-start"
        label={t('medical.startsOn')}
        error={errors.startsOn}
        type="date"
        required
        value={startsOn}
        onValue={setStartsOn}
      />
      <fieldset class="field">
        <legend>{t('medical.participants')}</legend>
        {contacts
          .filter((c) => c.active)
          .map((c) => (
            <label key={c.id} class="check">
              <input
                type="checkbox"
                checked={participants.includes(c.id)}
                onChange={(e) => toggle(c.id, e.currentTarget.checked)}
              />
              <span>
                {c.name}
                {participants.includes(c.id) && ` (${participants.indexOf(c.id) + 1})`}
              </span>
            </label>
          ))}
        {errors.participants && <p class="field-error">{errors.participants}</p>}
      </fieldset>
      <SaveCancel
        busy={submit.busy}
        saveLabel={t('medical.save')}
        cancelLabel={t('medical.cancel')}
        onCancel={onDone}
      />
    </form>
  );
}

/** Someone covers a stretch: the times are the network's wall clock, whatever zone the browser is in. */
export function OverrideForm({ contacts, schedules, onDone }: FormProps & { schedules: OnCallSchedule[] }) {
  const { t } = useI18n();
  const [scheduleId, setScheduleId] = useState(schedules[0]?.id ?? 0);
  const [contactId, setContactId] = useState(contacts.find((c) => c.active)?.id ?? 0);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const submit = useSubmission<OnCallSchedule>();
  const errors = fieldErrors(submit.error);
  const save = async (e: Event) => {
    e.preventDefault();
    const done = await submit.run(async (key) => {
      const [startsAt, endsAt] = [await api.networkInstant(from), await api.networkInstant(to)];
      return api.addOnCallOverride(scheduleId, { contactId, startsAt, endsAt }, key);
    });
    if (done) onDone();
  };
  return (
    <form class="stack" onSubmit={(e) => void save(e)} data-testid="override-form">
      <ErrorMessage error={formError(submit.error, errors)} />
      <Field id="override-schedule" label={t('medical.overrideSchedule')}>
        {(a11y) => (
          <select {...a11y} value={scheduleId} onChange={(e) => setScheduleId(Number(e.currentTarget.value))}>
            {schedules.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({t(`layer.${s.layer}`)})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="override-who" label={t('medical.overrideWho')} error={errors.contactId}>
        {(a11y) => (
          <select {...a11y} value={contactId} onChange={(e) => setContactId(Number(e.currentTarget.value))}>
            {contacts
              .filter((c) => c.active)
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
          </select>
        )}
      </Field>
      <InputField
        id="override-from"
        label={t('medical.overrideFrom')}
        error={errors.startsAt}
        type="datetime-local"
        required
        value={from}
        onValue={setFrom}
      />
      <InputField
        id="override-to"
        label={t('medical.overrideTo')}
        error={errors.endsAt}
        type="datetime-local"
        required
        value={to}
        onValue={setTo}
      />
      <SaveCancel
        busy={submit.busy}
        saveLabel={t('medical.save')}
        cancelLabel={t('medical.cancel')}
        onCancel={onDone}
      />
    </form>
  );
}
