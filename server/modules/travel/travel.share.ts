import type { StoredLeg } from '../../../db/schema';
import type { TravellerLanguage } from '../../../shared/travel';
import type { Core } from '../../deps';
import { ConflictError, NotFoundError } from '../../errors';
import { HOUR } from '../../lib/clock';
import type { Actor } from '../../lib/commands';
import { shortDateTime } from '../../lib/dates';
import { redactPhone } from '../../lib/redact';
import { toIso } from '../../lib/time';
import { newToken } from '../../lib/tokens';
import type { TravelPorts } from './travel.ports';
import { findByToken, findItinerary, type ItineraryRow, updateItinerary } from './travel.repo';
import type { ShareInput } from './travel.schemas';
import { renderTravelText } from './travel.texts';

/** What the traveller's page may show: the journey, and nothing about who makes it. */
export interface TravellerView {
  language: TravellerLanguage;
  destination: string;
  people: number;
  legs: StoredLeg[];
  seats: string | null;
  confirmation: string | null;
  helpPhone: string | null;
  url: string;
}

/**
 * The traveller's link: one unguessable token per itinerary, kept in the row so a printed QR code and a
 * texted link agree. It unlocks nothing the row does not already hold, and stops working
 * TRAVEL_LINK_GRACE_HOURS after the last leg arrives, when the itinerary is deleted, or at the purge.
 */
export class TravellerLinks {
  constructor(
    private readonly core: Core,
    private readonly ports: TravelPorts,
  ) {}

  expiresAt(row: Pick<ItineraryRow, 'arrivesAt'>): Date {
    return new Date(row.arrivesAt.getTime() + this.core.config.TRAVEL_LINK_GRACE_HOURS * HOUR);
  }

  urlOf(token: string, language?: TravellerLanguage): string {
    return `${this.core.config.PUBLIC_URL}/t/${token}${language ? `?lang=${language}` : ''}`;
  }

  share(actor: Actor, id: number, input: ShareInput): { url: string; expiresAt: string; texted: boolean } {
    const phone = input.to ? this.ports.sms.normalizePhone(input.to, 'body.to') : null;
    return this.core.commands.run(actor, (ctx) => {
      const current = findItinerary(ctx.tx, id);
      if (!current || current.purgedAt) throw new NotFoundError('Itinerary');
      const expiresAt = this.expiresAt(current);
      if (expiresAt.getTime() <= ctx.now.getTime())
        throw new ConflictError('itinerary_over', 'This journey is over: its link no longer opens');
      const row = current.token
        ? current
        : updateItinerary(ctx.tx, id, { token: newToken(16), sharedAt: ctx.now, updatedAt: ctx.now });
      const language = input.language ?? row.language;
      const url = this.urlOf(row.token!, language === row.language ? undefined : language);
      if (phone) {
        const first = row.legs[0]!;
        const body = renderTravelText('itineraryLink', language, {
          destination: row.destination ?? '',
          when: shortDateTime(new Date(first.departsAt), first.fromZone, language),
          url,
        });
        this.ports.sms.enqueue(ctx, {
          to: phone,
          body,
          kind: 'direct',
          language,
          related: { type: 'itinerary', id },
        });
      }
      // The audit keeps that a phone was texted, never the whole number.
      const changes = { language, texted: phone ? redactPhone(phone) : null };
      ctx.audit({ action: 'itinerary.shared', entity: 'itinerary', entityId: id, changes });
      ctx.emit('itinerary.shared', { id, releaseId: row.releaseId, texted: phone !== null });
      return { url, expiresAt: toIso(expiresAt, this.core.config.NETWORK_TZ), texted: phone !== null };
    });
  }

  /** The page behind a link, or null whatever the reason (unknown, deleted, purged or over). */
  view(token: string, language: TravellerLanguage | undefined): TravellerView | null {
    const row = findByToken(this.core.db, token);
    const now = this.core.clock.now().getTime();
    if (!row || row.purgedAt || !row.token || this.expiresAt(row).getTime() <= now) return null;
    return {
      language: language ?? row.language,
      destination: row.destination ?? '',
      people: row.people,
      legs: row.legs,
      seats: row.seats,
      confirmation: row.confirmation,
      helpPhone: this.core.config.HELP_PHONE ?? null,
      url: this.urlOf(row.token),
    };
  }
}
