import { z } from 'zod';
import type { DbOrTx } from '../../../db/client';
import { type PageLevel, pageLevels } from '../../../shared/medical';
import type { SmsLanguage } from '../../../shared/sms';
import type { Core } from '../../deps';
import { NotFoundError, ValidationError } from '../../errors';
import { defineJob } from '../../infra/jobs';
import { MINUTE } from '../../lib/clock';
import type { Actor, CommandContext } from '../../lib/commands';
import { isoOrNull, toIso } from '../../lib/time';
import type { MedicalPorts } from './medical.ports';
import {
  type ContactRow,
  eventsOfPage,
  findContact,
  findPage,
  insertPage,
  insertPageEvent,
  listContacts,
  listPages,
  openPages,
  type PageRow,
  pagesWithCode,
  triggeredCodes,
  updatePage,
} from './medical.repo';
import type { Page } from './medical.schemas';
import type { MedicalService } from './medical.service';
import { renderMedicalText } from './medical.texts';

const MEDICAL: ['admin', 'coordinator', 'medical'] = ['admin', 'coordinator', 'medical'];

/**
 * Paging: the primary on call is texted with a code; with no ACK within PAGE_ACK_MINUTES the page goes
 * to the backup, then to the coordinators, then is exhausted. Each step is a typed job whose writes and
 * completion commit together, so a restart mid-page loses no step and sends none twice.
 */
export class Pages {
  readonly escalationJob;

  constructor(
    private readonly core: Core,
    private readonly ports: MedicalPorts,
    private readonly oncall: Pick<MedicalService, 'onLayer'>,
  ) {
    this.escalationJob = defineJob(
      'medical.page_escalation',
      z.object({ pageId: z.coerce.number().int(), level: z.enum(pageLevels) }),
      (ctx, p) => this.escalateIn(ctx, p.pageId, p.level),
      { actor: 'medical-pages' },
    );
  }

  private get zone() {
    return this.core.config.NETWORK_TZ;
  }

  openCodes(db: DbOrTx): Set<string> {
    return triggeredCodes(db);
  }

  toPage(db: DbOrTx, row: PageRow): Page {
    const names = new Map(listContacts(db).map((c) => [c.id, c.name]));
    return {
      id: row.id,
      releaseId: row.releaseId,
      releaseCode: row.releaseId
        ? (this.ports.releases.findIn(db, row.releaseId)?.release.code ?? null)
        : null,
      reason: row.reason,
      code: row.code,
      status: row.status,
      level: row.level,
      acknowledgedBy: row.acknowledgedBy ? (names.get(row.acknowledgedBy) ?? null) : null,
      createdAt: toIso(row.createdAt, this.zone),
      closedAt: isoOrNull(row.closedAt, this.zone),
      timeline: eventsOfPage(db, row.id).map((e) => ({
        at: toIso(e.at, this.zone),
        kind: e.kind,
        level: e.level,
        contactName: e.contactId ? (names.get(e.contactId) ?? null) : null,
        actor: e.actor,
        note: e.note,
      })),
    };
  }

  get(id: number): Page {
    const row = findPage(this.core.db, id);
    if (!row) throw new NotFoundError('Page');
    return this.toPage(this.core.db, row);
  }

  list(open: boolean): Page[] {
    const db = this.core.db;
    return (open ? openPages(db) : listPages(db, 100)).map((p) => this.toPage(db, p));
  }

  private event(
    ctx: CommandContext,
    page: PageRow,
    kind: Parameters<typeof insertPageEvent>[1]['kind'],
    extra: { level?: PageLevel; contactId?: number; note?: string } = {},
  ) {
    insertPageEvent(ctx.tx, {
      pageId: page.id,
      at: ctx.now,
      kind,
      level: extra.level ?? null,
      contactId: extra.contactId ?? null,
      actor: ctx.actor.label,
      note: extra.note ?? null,
    });
    ctx.emit(
      `page.${kind}`,
      { id: page.id, releaseId: page.releaseId, level: extra.level ?? page.level },
      MEDICAL,
    );
  }

  /** Who the contact should call back: the person who paged, with their phone. */
  private lead(ctx: CommandContext, page: PageRow): string {
    const user = page.createdBy ? this.ports.users.findIn(ctx.tx, page.createdBy) : null;
    return user ? [user.name, user.phone].filter(Boolean).join(' ') : '-';
  }

  private textContact(ctx: CommandContext, page: PageRow, contact: ContactRow): void {
    const lang: SmsLanguage = contact.smsLanguage;
    const code = page.releaseId ? this.ports.releases.findIn(ctx.tx, page.releaseId)?.release.code : null;
    this.ports.sms.enqueue(ctx, {
      to: contact.phone,
      body: renderMedicalText('pageSent', lang, {
        code: page.code,
        reason: page.reason,
        release: code ? ` (${code})` : '',
        lead: this.lead(ctx, page),
      }),
      kind: 'page',
      language: lang,
      related: { type: 'medical_page', id: page.id },
    });
  }

  /**
   * Hands the page to the next level that has someone: the primary on call, the backup, the
   * coordinators; past the coordinators it is exhausted. Schedules the next step.
   */
  private notify(ctx: CommandContext, page: PageRow, from: PageLevel | null): void {
    const order: PageLevel[] = ['primary', 'backup', 'coordinators'];
    for (const level of order.slice(from ? order.indexOf(from) + 1 : 0)) {
      const now = level === 'coordinators' ? null : this.oncall.onLayer(ctx.tx, level, ctx.now);
      if (level !== 'coordinators' && (!now || page.paged.includes(now.contact.id))) continue;
      page = updatePage(ctx.tx, page.id, { level, updatedAt: ctx.now });
      if (from !== null) this.event(ctx, page, 'escalated', { level });
      if (now) {
        this.textContact(ctx, page, now.contact);
        page = updatePage(ctx.tx, page.id, { paged: [...page.paged, now.contact.id] });
        this.event(ctx, page, 'notified', { level, contactId: now.contact.id });
      } else {
        this.ports.users.textCoordinators(
          ctx,
          (lang) => renderMedicalText('pageCoordinators', lang, { code: page.code, reason: page.reason }),
          { kind: 'page', related: { type: 'medical_page', id: page.id } },
        );
        this.event(ctx, page, 'notified', { level });
      }
      this.core.scheduler.schedule(ctx.tx, this.escalationJob, {
        dueAt: new Date(ctx.now.getTime() + this.core.config.PAGE_ACK_MINUTES * MINUTE),
        payload: { pageId: page.id, level },
        dedupeKey: `page:${page.id}:${level}`,
      });
      return;
    }
  }

  page(actor: Actor, input: { releaseId?: number; reason: string }): Page {
    const row = this.core.commands.run(actor, (ctx) => {
      if (input.releaseId !== undefined && !this.ports.releases.findIn(ctx.tx, input.releaseId))
        throw new ValidationError([{ path: 'body.releaseId', message: 'no such release' }]);
      const page = insertPage(ctx.tx, {
        releaseId: input.releaseId ?? null,
        reason: input.reason,
        code: this.ports.sms.freshReplyCodes(ctx.tx, 1)[0]!,
        status: 'triggered',
        level: 'primary',
        paged: [],
        createdBy: ctx.actor.userId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
      ctx.audit({
        action: 'page.created',
        entity: 'medical_page',
        entityId: page.id,
        changes: { releaseId: page.releaseId },
      });
      this.event(ctx, page, 'created');
      this.notify(ctx, page, null);
      return page;
    });
    return this.get(row.id);
  }

  /** The time for the current level is up with no ACK: the next level, or exhausted. */
  escalateIn(ctx: CommandContext, pageId: number, level: PageLevel): void {
    const page = findPage(ctx.tx, pageId);
    if (page?.status !== 'triggered' || page.level !== level) return;
    if (level === 'coordinators') {
      const done = updatePage(ctx.tx, page.id, {
        status: 'exhausted',
        updatedAt: ctx.now,
        closedAt: ctx.now,
      });
      ctx.audit({ action: 'page.exhausted', entity: 'medical_page', entityId: page.id });
      this.event(ctx, done, 'exhausted', { level });
      return;
    }
    this.notify(ctx, page, level);
  }

  /** An ACK by text, inside the inbound command; answers the reply. */
  acknowledgeIn(ctx: CommandContext, contact: ContactRow, code: string | null, lang: SmsLanguage): string {
    const mine = (p: PageRow) => p.paged.includes(contact.id);
    const candidates = code
      ? pagesWithCode(ctx.tx, code).filter(mine)
      : openPages(ctx.tx).filter((p) => p.status === 'triggered' && mine(p));
    if (!code && candidates.length > 1)
      return renderMedicalText('pageUnknown', lang, { code: '' }).replace('  ', ' ');
    const page = candidates[0];
    if (!page) return renderMedicalText('pageUnknown', lang, { code: code ?? '' }).replace('  ', ' ');
    if (page.status === 'acknowledged') {
      const by = page.acknowledgedBy ? findContact(ctx.tx, page.acknowledgedBy) : null;
      if (by?.id === contact.id)
        return renderMedicalText('pageAcked', lang, {
          name: contact.name.split(' ')[0] ?? '',
          code: page.code,
          lead: this.lead(ctx, page),
        });
      return renderMedicalText('pageTaken', lang, { code: page.code, name: by?.name ?? '-' });
    }
    if (page.status !== 'triggered') return renderMedicalText('pageClosed', lang, { code: page.code });
    const acked = updatePage(ctx.tx, page.id, {
      status: 'acknowledged',
      acknowledgedBy: contact.id,
      updatedAt: ctx.now,
    });
    ctx.audit({
      action: 'page.acknowledged',
      entity: 'medical_page',
      entityId: page.id,
      changes: { contactId: contact.id },
    });
    this.event(ctx, acked, 'acknowledged', { contactId: contact.id });
    return renderMedicalText('pageAcked', lang, {
      name: contact.name.split(' ')[0] ?? '',
      code: page.code,
      lead: this.lead(ctx, page),
    });
  }

  resolve(actor: Actor, id: number, note?: string): Page {
    this.core.commands.run(actor, (ctx) => {
      const page = findPage(ctx.tx, id);
      if (!page) throw new NotFoundError('Page');
      if (page.status === 'resolved') return;
      const done = updatePage(ctx.tx, id, { status: 'resolved', updatedAt: ctx.now, closedAt: ctx.now });
      ctx.audit({ action: 'page.resolved', entity: 'medical_page', entityId: id });
      this.event(ctx, done, 'resolved', { note });
    });
    return this.get(id);
  }
}
