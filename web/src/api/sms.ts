import type {
  BroadcastBody,
  BroadcastResult,
  OptOut,
  OptOutList,
  SendBody,
  SimulateBody,
  SimulateResult,
  SmsListQuery,
  SmsMessage,
  SmsPage,
} from '@server/modules/sms/sms.schemas';
import { request, withQuery } from './http';

export type { BroadcastBody, BroadcastResult, OptOut, SimulateResult, SmsListQuery, SmsMessage };
export type BroadcastSkipReason = BroadcastResult['skipped'][number]['reason'];

export const smsApi = {
  smsMessages: (query: SmsListQuery) => request<SmsPage>(withQuery('/api/sms/messages', query)),
  sendSms: (body: SendBody, key: string) =>
    request<SmsMessage>('/api/sms/messages', { method: 'POST', body, idempotencyKey: key }),
  resendSms: (id: number, key: string) =>
    request<SmsMessage>(`/api/sms/messages/${id}/resend`, { method: 'POST', idempotencyKey: key }),
  simulateSms: (body: SimulateBody, key: string) =>
    request<SimulateResult>('/api/sms/simulate', { method: 'POST', body, idempotencyKey: key }),
  optOuts: () => request<OptOutList>('/api/sms/opt-outs'),
  broadcast: (body: BroadcastBody, key: string) =>
    request<BroadcastResult>('/api/sms/broadcast', { method: 'POST', body, idempotencyKey: key }),
};
