import type {
  CreateFundInput,
  Disbursement,
  DisbursementInput,
  Fund,
  FundImportReport,
  FundImportRow,
  FundList,
  Income,
  IncomeInput,
  Ledger,
} from '@server/modules/fund/fund.schemas';
import type { FundReport, FundReportMonth } from '@server/modules/fund/report.schemas';
import { request, withQuery } from './http';

export type {
  Disbursement as FundDisbursement,
  Fund,
  FundImportReport,
  FundImportRow,
  FundList,
  FundReport,
  FundReportMonth,
  Income as FundIncome,
  Ledger as FundLedger,
};

export interface FundReportRange {
  from?: string;
  to?: string;
}

export const fundApi = {
  funds: () => request<FundList>('/api/funds'),
  createFund: (body: CreateFundInput, key: string) =>
    request<Fund>('/api/funds', { method: 'POST', body, idempotencyKey: key }),
  fundLedger: (fundId?: number) => request<Ledger>(withQuery('/api/funds/ledger', { fundId })),
  recordIncome: (fundId: number, body: IncomeInput, key: string) =>
    request<Income>(`/api/funds/${fundId}/income`, { method: 'POST', body, idempotencyKey: key }),
  importIncome: (fundId: number, csv: string, key: string) =>
    request<FundImportReport>(withQuery('/api/funds/income/import', { fundId }), {
      method: 'POST',
      raw: { type: 'text/csv', text: csv },
      idempotencyKey: key,
    }),
  disburse: (fundId: number, body: DisbursementInput, key: string) =>
    request<Disbursement>(`/api/funds/${fundId}/disbursements`, {
      method: 'POST',
      body,
      idempotencyKey: key,
    }),
  approveDisbursement: (id: number) =>
    request<Disbursement>(`/api/disbursements/${id}/approve`, { method: 'POST' }),
  rejectDisbursement: (id: number, reason: string) =>
    request<Disbursement>(`/api/disbursements/${id}/reject`, { method: 'POST', body: { reason } }),
  fundReport: (range: FundReportRange) => request<FundReport>(withQuery('/api/reports/fund', range)),
};

/** A plain link: the browser downloads it with the session cookie, under the server's file name. */
export function fundCsvUrl(range: FundReportRange): string {
  return withQuery('/api/reports/fund.csv', range);
}
