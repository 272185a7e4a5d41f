import type { SmsDirection, SmsStatus } from '@shared/sms';
import { useEffect } from 'preact/hooks';
import type { SmsMessage } from '../api';
import { useI18n } from '../i18n';
import { type LiveEvent, onEvent } from '../live';

type Tone = 'bad' | 'ok' | 'wait' | 'progress' | 'in';

const tones: Record<SmsStatus, Tone> = {
  queued: 'wait',
  sending: 'wait',
  submitted: 'progress',
  sent: 'progress',
  delivered: 'ok',
  undelivered: 'bad',
  failed: 'bad',
  opted_out: 'bad',
  received: 'in',
};

export function SmsStatusChip({ message }: { message: Pick<SmsMessage, 'status' | 'errorCode'> }) {
  const { t } = useI18n();
  return (
    <span class="chip-group">
      <span
        class={`chip chip-${tones[message.status]}`}
        data-testid="sms-status"
        data-status={message.status}
      >
        {t(`smsStatus.${message.status}`)}
      </span>
      {message.errorCode && (
        <span class="chip-note mono">{t('sms.errorCode', { code: message.errorCode })}</span>
      )}
    </span>
  );
}

export function SmsDirectionLabel({ direction }: { direction: SmsDirection }) {
  const { t } = useI18n();
  return (
    <span class={`direction direction-${direction}`}>
      <span class="direction-icon" aria-hidden="true">
        {direction === 'outbound' ? '↗' : '↙'}
      </span>
      {t(`smsDirection.${direction}`)}
    </span>
  );
}

/**
 * Applies an `sms.status` event to messages already on screen, so a chip changes the moment the
 * event arrives instead of after the refetch that follows it.
 */
export function applyStatusEvent(items: SmsMessage[] | null, event: LiveEvent): SmsMessage[] | null {
  const data = event.data as { id?: unknown; status?: unknown; errorCode?: unknown } | null;
  if (!items || !data || typeof data.id !== 'number' || typeof data.status !== 'string') return items;
  const status = data.status as SmsStatus;
  if (!(status in tones)) return items;
  let changed = false;
  const next = items.map((m) => {
    if (m.id !== data.id) return m;
    changed = true;
    const errorCode = typeof data.errorCode === 'string' ? data.errorCode : null;
    return { ...m, status, errorCode };
  });
  return changed ? next : items;
}

/** Keeps the status chips of `setItems`'s messages current as `sms.status` events arrive. */
export function useStatusEvents(
  setItems: (update: (items: SmsMessage[] | null) => SmsMessage[] | null) => void,
): void {
  useEffect(() => onEvent('sms.status', (event) => setItems((prev) => applyStatusEvent(prev, event))), []);
}
