import { z } from 'zod';
import {
  bands,
  dispatchStatuses,
  exclusions,
  languageName,
  MAX_DISPATCH_LANGUAGES,
  MAX_DISPATCH_NEEDED,
  offerStates,
  volunteerSkills,
} from '../../../shared';

/** How near a volunteer is to the release, the first key of the ranking (shared/dispatch.ts). */
export const candidateBands = bands;

export const offer = z.object({
  id: z.number().int(),
  volunteerId: z.number().int(),
  name: z.string(),
  code: z.string(),
  state: z.enum(offerStates),
  wave: z.number().int(),
  reason: z.string(),
  etaMinutes: z.number().int().nullable(),
  replyText: z.string().nullable(),
  /** The offer is open and its reply text read as neither YES nor NO: a coordinator may count it. */
  unclear: z.boolean(),
  offeredAt: z.string(),
  expiresAt: z.string(),
  respondedAt: z.string().nullable(),
});
export type Offer = z.output<typeof offer>;

export const dispatch = z.object({
  id: z.number().int(),
  releaseId: z.number().int(),
  status: z.enum(dispatchStatuses),
  needed: z.number().int(),
  accepted: z.number().int(),
  languages: z.array(z.string()),
  skills: z.array(z.string()),
  wave: z.number().int(),
  deadlineAt: z.string(),
  createdAt: z.string(),
  offers: z.array(offer),
});
export type Dispatch = z.output<typeof dispatch>;

export const dispatchList = z.object({ items: z.array(dispatch) });
export type DispatchList = z.output<typeof dispatchList>;

/** A dispatch as a board card sums it up: no offers, so no names or replies. */
export const boardDispatch = dispatch.pick({
  id: true,
  releaseId: true,
  status: true,
  needed: true,
  accepted: true,
});
export type BoardDispatch = z.output<typeof boardDispatch>;

export const boardDispatchList = z.object({ items: z.array(boardDispatch) });
export type BoardDispatchList = z.output<typeof boardDispatchList>;

/** `release=open`: the dispatches of every release still open, the board's whole picture. */
export const boardDispatchQuery = z.object({ release: z.literal('open') });

export const candidate = z.object({
  volunteerId: z.number().int(),
  name: z.string(),
  eligible: z.boolean(),
  excludedBecause: z.array(z.enum(exclusions)),
  band: z.enum(candidateBands),
  languages: z.array(z.string()),
  skills: z.array(z.string()),
  rank: z.number().int().nullable(),
  why: z.string(),
});
export type Candidate = z.output<typeof candidate>;

export const candidateList = z.object({ items: z.array(candidate) });
export type CandidateList = z.output<typeof candidateList>;

export const createDispatchBody = z.object({
  needed: z.number().int().min(1).max(MAX_DISPATCH_NEEDED),
  languages: z.array(languageName).max(MAX_DISPATCH_LANGUAGES).optional(),
  skills: z.array(z.enum(volunteerSkills)).max(volunteerSkills.length).optional(),
});
export type CreateDispatchBody = z.input<typeof createDispatchBody>;

/** A coordinator's reading of a volunteer's answer, counted on their behalf. */
export const countAnswerBody = z.object({ answer: z.enum(['yes', 'no']) });
export type CountAnswerBody = z.input<typeof countAnswerBody>;

export const addToDispatchBody = z.object({ count: z.number().int().min(1).max(MAX_DISPATCH_NEEDED) });
export type AddToDispatchBody = z.input<typeof addToDispatchBody>;
