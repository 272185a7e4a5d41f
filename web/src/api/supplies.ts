import type {
  assembleBody,
  countBody,
  countResult,
  createItemBody,
  createKitBody,
  forecast,
  handOutBody,
  Kit,
  movement,
  movementBody,
  receiptBody,
  StockLine,
  Item as SupplyItem,
  transferBody,
  updateItemBody,
} from '@server/modules/supplies/supplies.schemas';
import type { MovementReason } from '@shared/supplies';
import type { z } from 'zod';
import { request, withQuery } from './http';

export type { Kit, StockLine, SupplyItem };
export type Movement = z.output<typeof movement>;
export type Forecast = z.output<typeof forecast>;
export type ForecastLine = Forecast['items'][number];
export type CountResult = z.output<typeof countResult>;
export type CreateItemBody = z.input<typeof createItemBody>;
export type CreateKitBody = z.input<typeof createKitBody>;
export type UpdateItemBody = z.input<typeof updateItemBody>;
export type MovementBody = z.input<typeof movementBody>;
export type TransferBody = z.input<typeof transferBody>;
export type ReceiptBody = z.input<typeof receiptBody>;
export type CountBody = z.input<typeof countBody>;
export type AssembleBody = z.input<typeof assembleBody>;
export type HandOutBody = z.input<typeof handOutBody>;

export interface LedgerFilter {
  itemId?: number;
  siteId?: number;
  releaseId?: number;
  reason?: MovementReason;
  limit?: number;
}

type Batch = { batch: string };

export const suppliesApi = {
  supplyItems: () => request<{ items: SupplyItem[] }>('/api/supplies/items'),
  createSupplyItem: (body: CreateItemBody, key: string) =>
    request<SupplyItem>('/api/supplies/items', { method: 'POST', body, idempotencyKey: key }),
  updateSupplyItem: (id: number, body: UpdateItemBody) =>
    request<SupplyItem>(`/api/supplies/items/${id}`, { method: 'PATCH', body }),
  kits: () => request<{ items: Kit[] }>('/api/supplies/kits'),
  createKit: (body: CreateKitBody, key: string) =>
    request<Kit>('/api/supplies/kits', { method: 'POST', body, idempotencyKey: key }),
  assembleKits: (kitId: number, body: AssembleBody, key: string) =>
    request<Batch>(`/api/supplies/kits/${kitId}/assemble`, { method: 'POST', body, idempotencyKey: key }),
  moveStock: (body: MovementBody, key: string) =>
    request<Batch>('/api/supplies/movements', { method: 'POST', body, idempotencyKey: key }),
  transferStock: (body: TransferBody, key: string) =>
    request<Batch>('/api/supplies/transfers', { method: 'POST', body, idempotencyKey: key }),
  receiveStock: (body: ReceiptBody, key: string) =>
    request<Batch>('/api/supplies/receipts', { method: 'POST', body, idempotencyKey: key }),
  countStock: (body: CountBody, key: string) =>
    request<CountResult>('/api/supplies/counts', { method: 'POST', body, idempotencyKey: key }),
  handOutKits: (releaseId: number, body: HandOutBody, key: string) =>
    request<Batch>(`/api/releases/${releaseId}/kits`, { method: 'POST', body, idempotencyKey: key }),
  stock: (siteId?: number) => request<{ items: StockLine[] }>(withQuery('/api/supplies/stock', { siteId })),
  stockLedger: (filter: LedgerFilter = {}) =>
    request<{ items: Movement[] }>(withQuery('/api/supplies/movements', filter)),
  supplyForecast: () => request<Forecast>('/api/supplies/forecast'),
};
