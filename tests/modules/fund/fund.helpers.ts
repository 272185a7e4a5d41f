import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from '../../helpers/app';

export interface FundView {
  id: number;
  name: string;
  balanceCents: number;
  pendingCents: number;
}

export interface DisbursementView {
  id: number;
  status: 'approved' | 'pending' | 'rejected';
  amountCents: number;
  note: string | null;
  releaseId: number | null;
}

function created<T>(what: string, res: LightMyRequestResponse): T {
  if (res.statusCode !== 201) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

export async function addFund(t: TestApp, cookie: string, name = 'GoFundMe spring drive'): Promise<FundView> {
  return created(
    'fund not created',
    await t.call(cookie, { method: 'POST', url: '/api/funds', payload: { name } }),
  );
}

export function postIncome(
  t: TestApp,
  cookie: string,
  fundId: number,
  payload: Record<string, unknown>,
): Promise<LightMyRequestResponse> {
  return t.call(cookie, { method: 'POST', url: `/api/funds/${fundId}/income`, payload });
}

export async function addIncome(
  t: TestApp,
  cookie: string,
  fundId: number,
  amountCents: number,
  receivedOn = '2026-03-01',
) {
  return created('income not recorded', await postIncome(t, cookie, fundId, { amountCents, receivedOn }));
}

export function disburse(
  t: TestApp,
  cookie: string,
  fundId: number,
  payload: Record<string, unknown>,
): Promise<LightMyRequestResponse> {
  return t.call(cookie, {
    method: 'POST',
    url: `/api/funds/${fundId}/disbursements`,
    payload: { purpose: 'ticket', ...payload },
  });
}

export async function fundOf(t: TestApp, cookie: string, id: number): Promise<FundView> {
  return (await t.call(cookie, { method: 'GET', url: `/api/funds/${id}` })).json();
}

export function approve(t: TestApp, cookie: string, id: number) {
  return t.call(cookie, { method: 'POST', url: `/api/disbursements/${id}/approve`, payload: {} });
}

export function importCsv(t: TestApp, cookie: string, fundId: number, csv: string) {
  return t.call(cookie, {
    method: 'POST',
    url: `/api/funds/income/import?fundId=${fundId}`,
    headers: { 'content-type': 'text/csv' },
    payload: csv,
  });
}
