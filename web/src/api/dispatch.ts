import type {
  AddToDispatchBody,
  BoardDispatch,
  BoardDispatchList,
  Candidate,
  CandidateList,
  CountAnswerBody,
  CreateDispatchBody,
  Dispatch,
  DispatchList,
  Offer,
} from '@server/modules/dispatch/dispatch.schemas';
import { request } from './http';

export type { BoardDispatch, Candidate, CreateDispatchBody, Dispatch, Offer };

/** The board's dispatches, preloaded with the overview (server/plugins/web-html.ts). */
export const BOARD_DISPATCHES_PATH = '/api/dispatches?release=open';

export const dispatchApi = {
  releaseDispatches: (releaseId: number) => request<DispatchList>(`/api/releases/${releaseId}/dispatches`),
  boardDispatches: () => request<BoardDispatchList>(BOARD_DISPATCHES_PATH),
  dispatch: (id: number) => request<Dispatch>(`/api/dispatches/${id}`),
  createDispatch: (releaseId: number, body: CreateDispatchBody, key: string) =>
    request<Dispatch>(`/api/releases/${releaseId}/dispatches`, { method: 'POST', body, idempotencyKey: key }),
  dispatchCandidates: (id: number) => request<CandidateList>(`/api/dispatches/${id}/candidates`),
  cancelDispatch: (id: number) =>
    request<Dispatch>(`/api/dispatches/${id}/cancel`, { method: 'POST', body: {} }),
  countAnswer: (id: number, offerId: number, answer: CountAnswerBody['answer']) =>
    request<Dispatch>(`/api/dispatches/${id}/offers/${offerId}/answer`, {
      method: 'POST',
      body: { answer } satisfies CountAnswerBody,
    }),
  addToDispatch: (id: number, count: number, key: string) =>
    request<Dispatch>(`/api/dispatches/${id}/add`, {
      method: 'POST',
      body: { count } satisfies AddToDispatchBody,
      idempotencyKey: key,
    }),
};
