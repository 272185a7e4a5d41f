import { MAX_SHIFT_NEEDED } from '@shared/shifts';
import { useState } from 'preact/hooks';
import { api, type Shift, toApiError } from '../../api';
import { errorText } from '../../components/ErrorMessage';
import { useSubmission } from '../../forms';
import { useI18n } from '../../i18n';

/** The network's local time as the shift answers it ("2026-03-03T09:00:00-07:00" → "2026-03-03T09:00"). */
const local = (iso: string) => iso.slice(0, 16);

/** Moving or deleting a one-off shift; whoever signed up is texted by the server. */
export function ShiftEdit({ shift, onChanged }: { shift: Shift; onChanged: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [startsAt, setStartsAt] = useState(local(shift.startsAt));
  const [endsAt, setEndsAt] = useState(local(shift.endsAt));
  const [needed, setNeeded] = useState(shift.needed);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const submission = useSubmission<Shift>();
  const id = `shift-${shift.id}`;
  const told = shift.signups.length;

  const save = async (e: Event) => {
    e.preventDefault();
    const body = {
      ...(startsAt !== local(shift.startsAt) ? { startsAt } : {}),
      ...(endsAt !== local(shift.endsAt) ? { endsAt } : {}),
      ...(needed !== shift.needed ? { needed } : {}),
    };
    if (Object.keys(body).length === 0) return setOpen(false);
    if (await submission.run(() => api.updateShift(shift.id, body))) {
      setOpen(false);
      onChanged();
    }
  };
  const remove = async () => {
    const question = told ? t('shifts.deleteConfirmTold', { n: told }) : t('shifts.deleteConfirm');
    if (!window.confirm(question)) return;
    try {
      await api.deleteShift(shift.id);
      onChanged();
    } catch (err) {
      setDeleteError(errorText(t, toApiError(err)));
    }
  };

  if (!open) {
    return (
      <div class="row-actions">
        <button type="button" class="btn btn-small" onClick={() => setOpen(true)} aria-expanded="false">
          {t('shifts.change')}
        </button>
        <button type="button" class="btn btn-small btn-quiet" onClick={() => void remove()}>
          {t('shifts.delete')}
        </button>
        {deleteError && (
          <p class="field-error" role="alert">
            {deleteError}
          </p>
        )}
      </div>
    );
  }
  return (
    <form class="form shift-edit" onSubmit={save} data-testid="shift-edit">
      <div class="form-grid">
        <div class="field">
          <label for={`${id}-starts`}>{t('shifts.start')}</label>
          <input
            id={`${id}-starts`}
            type="datetime-local"
            required
            value={startsAt}
            onInput={(e) => setStartsAt(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for={`${id}-ends`}>{t('shifts.end')}</label>
          <input
            id={`${id}-ends`}
            type="datetime-local"
            required
            value={endsAt}
            onInput={(e) => setEndsAt(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for={`${id}-needed`}>{t('shifts.needed')}</label>
          <input
            id={`${id}-needed`}
            type="number"
            min={1}
            max={MAX_SHIFT_NEEDED}
            value={needed}
            onInput={(e) => setNeeded(Math.max(1, Math.trunc(Number(e.currentTarget.value)) || 1))}
          />
        </div>
      </div>
      {told > 0 && <p class="hint">{t('shifts.changeTells', { n: told })}</p>}
      {submission.error && (
        <p class="field-error" role="alert">
          {errorText(t, submission.error)}
        </p>
      )}
      <div class="form-actions">
        <button type="submit" class="btn btn-primary btn-small" disabled={submission.busy}>
          {t('shifts.saveChange')}
        </button>
        <button type="button" class="btn btn-quiet btn-small" onClick={() => setOpen(false)}>
          {t('shifts.keep')}
        </button>
      </div>
    </form>
  );
}
