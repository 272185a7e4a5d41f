import { smsDirections, smsStatuses } from '@shared/sms';
import { useState } from 'preact/hooks';
import { isOperator } from '../../access';
import { type AuthUser, api, type SmsMessage } from '../../api';
import { BroadcastForm } from '../../components/BroadcastForm';
import { ErrorMessage, errorText } from '../../components/ErrorMessage';
import { Page } from '../../components/Page';
import { nationalPhone } from '../../components/phone';
import { SmsDirectionLabel, SmsStatusChip } from '../../components/SmsStatus';
import { When } from '../../components/When';
import { useSubmission } from '../../forms';
import { useI18n } from '../../i18n';
import { useLiveResource } from '../../resource';
import { SmsComposer } from './SmsComposer';
import { SmsOptOuts } from './SmsOptOuts';
import { SmsSimulator } from './SmsSimulator';
import { type Filters, type SmsLog, useSmsLog } from './useSmsLog';

function ResendButton({ message, onDone }: { message: SmsMessage; onDone: () => void }) {
  const { t } = useI18n();
  const submission = useSubmission<SmsMessage>();
  const [done, setDone] = useState(false);
  const resend = async () => {
    if (!(await submission.run((key) => api.resendSms(message.id, key)))) return;
    setDone(true);
    onDone();
  };
  // The copy appears as a new row; the failed original stays as the record of what happened.
  if (done) return <span class="sms-meta">{t('sms.resent')}</span>;
  return (
    <>
      <button type="button" class="btn btn-small" onClick={() => void resend()} disabled={submission.busy}>
        {submission.busy ? t('sms.resending') : t('sms.resend')}
      </button>
      {submission.error && (
        <p class="field-error" role="alert">
          {errorText(t, submission.error)}
        </p>
      )}
    </>
  );
}

function LogRow({
  message,
  canSend,
  onResent,
  name,
}: {
  message: SmsMessage;
  canSend: boolean;
  onResent: () => void;
  /** Who a number is, when it is a volunteer's: people read names, not numbers. */
  name?: string;
}) {
  const { t, date } = useI18n();
  const resendable = canSend && (message.status === 'failed' || message.status === 'undelivered');
  const held =
    message.status === 'queued' && message.dueAt && new Date(message.dueAt).getTime() > Date.now()
      ? message.dueAt
      : null;
  return (
    <tr data-testid="sms-row" data-id={message.id} data-status={message.status}>
      <td data-label={t('sms.when')} class="nowrap">
        <When iso={message.createdAt} />
      </td>
      <td data-label={t('sms.direction')}>
        <SmsDirectionLabel direction={message.direction} />
      </td>
      <td data-label={t('sms.phone')} class="nowrap">
        {name ? (
          <>
            <span data-testid="sms-who">{name}</span>{' '}
            <span class="mono muted">{nationalPhone(message.phone)}</span>
          </>
        ) : (
          <span class="mono">{message.phone ? nationalPhone(message.phone) : '—'}</span>
        )}
      </td>
      <td data-label={t('sms.message')} class="sms-body">
        {/* One wrapper per cell: on phones the cell is a two-column grid of label and content. */}
        <div>
          {message.body === null ? (
            <span data-testid="sms-body" class="muted">
              {t('sms.bodyHidden')}
            </span>
          ) : (
            <span data-testid="sms-body">{message.body}</span>
          )}
          <span class="sms-meta">
            {message.encoding} ·{' '}
            {t(message.segments === 1 ? 'sms.segments.one' : 'sms.segments.other', { n: message.segments })}
          </span>
        </div>
      </td>
      <td data-label={t('sms.kind')}>
        {/* Every incoming text is of kind "incoming"; the direction already says so. */}
        {message.direction === 'outbound' ? t(`smsKind.${message.kind}`) : ''}
      </td>
      <td data-label={t('sms.status')}>
        <div>
          <SmsStatusChip message={message} />
          {message.errorMessage && <span class="sms-meta">{message.errorMessage}</span>}
          {held && <span class="sms-meta">{t('sms.heldUntil', { time: date(held) })}</span>}
          {resendable && (
            <div class="sms-action">
              <ResendButton message={message} onDone={onResent} />
            </div>
          )}
        </div>
      </td>
    </tr>
  );
}

function SmsLogSection({ canSend, log }: { canSend: boolean; log: SmsLog }) {
  const { t } = useI18n();
  const roster = useLiveResource(() => api.volunteers(), ['volunteer.']);
  const names = new Map((roster.data?.items ?? []).map((v) => [v.phone, v.name]));
  const [filters, setFilters] = useState<Filters>({ direction: '', status: '' });
  const change = (next: Filters) => {
    setFilters(next);
    log.setFilters(next);
  };
  const filtered = filters.direction !== '' || filters.status !== '';
  const items = log.items ?? [];

  return (
    <section class="sms-section" aria-labelledby="sms-log-title">
      <h2 id="sms-log-title">{t('sms.log')}</h2>
      <form class="card filters" aria-label={t('sms.filters')} onSubmit={(e) => e.preventDefault()}>
        <div class="field">
          <label for="sms-filter-direction">{t('sms.direction')}</label>
          <select
            id="sms-filter-direction"
            value={filters.direction}
            onChange={(e) => change({ ...filters, direction: e.currentTarget.value as Filters['direction'] })}
          >
            <option value="">{t('sms.all')}</option>
            {smsDirections.map((d) => (
              <option key={d} value={d}>
                {t(`smsDirection.${d}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="sms-filter-status">{t('sms.status')}</label>
          <select
            id="sms-filter-status"
            value={filters.status}
            onChange={(e) => change({ ...filters, status: e.currentTarget.value as Filters['status'] })}
          >
            <option value="">{t('sms.all')}</option>
            {smsStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`smsStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
        {filtered && (
          <div class="filter-actions">
            <button type="button" class="btn btn-quiet" onClick={() => change({ direction: '', status: '' })}>
              {t('sms.clear')}
            </button>
          </div>
        )}
      </form>
      <ErrorMessage error={log.error} />
      {log.items === null && !log.error && <p class="loading">{t('app.loading')}</p>}
      {log.items && items.length === 0 && (
        <p class="empty">{filtered ? t('sms.emptyFiltered') : t('sms.empty')}</p>
      )}
      {items.length > 0 && (
        <table class="table sms-log" data-testid="sms-log">
          <caption class="visually-hidden">{t('sms.log')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sms.when')}</th>
              <th scope="col">{t('sms.direction')}</th>
              <th scope="col">{t('sms.phone')}</th>
              <th scope="col">{t('sms.message')}</th>
              <th scope="col">{t('sms.kind')}</th>
              <th scope="col">{t('sms.status')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((m) => (
              <LogRow
                key={m.id}
                message={m}
                canSend={canSend}
                onResent={log.refresh}
                name={names.get(m.phone)}
              />
            ))}
          </tbody>
        </table>
      )}
      {log.nextBefore !== null && (
        <button type="button" class="btn more" onClick={log.more} disabled={log.busy}>
          {t('sms.more')}
        </button>
      )}
    </section>
  );
}

export function Sms({ user }: { user: AuthUser }) {
  const { t } = useI18n();
  const canSend = isOperator(user.role);
  const health = useLiveResource(api.health, []);
  const log = useSmsLog({ direction: '', status: '' });
  const simulator = canSend && health.data?.smsDriver === 'console';

  return (
    <Page title={t('sms.title')}>
      {canSend && (
        <div class="sms-tools">
          <SmsComposer onSent={log.refresh} />
          <BroadcastForm onSent={log.refresh} />
          {simulator && <SmsSimulator />}
        </div>
      )}
      <SmsLogSection canSend={canSend} log={log} />
      {canSend && <SmsOptOuts />}
    </Page>
  );
}
