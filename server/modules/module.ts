import type { FastifyInstance } from 'fastify';
import type { DbOrTx } from '../../db/client';
import type { JobDefinition } from '../infra/jobs';
import type { KeywordSpec, ReplyTarget, SenderLookup } from './sms/sms.keywords';

/**
 * What every domain folder exports, through `create<Domain>(core, ports)`: its service, and what the
 * app registers for it in one loop (routes, SMS keywords, jobs, who a phone number is). A domain reaches
 * another only through the ports it is handed: narrow `Pick<>`s of other services. A port written as
 * a function (`() => Pick<…>`) is read after every module exists: it ties the few pairs of domains that
 * need each other (a volunteer's screening state, a screen's volunteer).
 */
export interface DomainModule<S = unknown> {
  name: string;
  service: S;
  routes?: (app: FastifyInstance) => Promise<void>;
  keywords?: readonly KeywordSpec[];
  // biome-ignore lint/suspicious/noExplicitAny: each job checks its own payload type
  jobs?: readonly JobDefinition<any>[];
  /**
   * Codes of this domain's questions still waiting for YES or NO (offers, requests to host, pages): a
   * new code is never one of any domain's open codes, so a reply's code names one question only.
   */
  replyCodes?: (db: DbOrTx) => Set<string>;
  /** This domain's questions that a YES or NO with their code answers (beside dispatch offers). */
  replies?: ReplyTarget;
  /** Whether an inbound number is one of this domain's people; asked in module order. */
  senderLookup?: SenderLookup;
  close?: () => Promise<void>;
}
