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
import { OVERVIEW_READS } from '@shared/overview';
import { request } from './http';

export type { BoardDispatch, Candidate, CreateDispatchBody, Dispatch, Offer };

export const dispatchApi = {
  releaseDispatches: (releaseId: number) => request<DispatchList>(`/api/releases/${releaseId}/dispatches`),
  boardDispatches: () => request<BoardDispatchList>(OVERVIEW_READS.boardDispatches),
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
