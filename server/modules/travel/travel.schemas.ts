import { z } from 'zod';
import { MAX_COUNT } from '../../../shared/releases';
import { MAX_PHONE_INPUT } from '../../../shared/sms';
import {
  MAX_CARRIER,
  MAX_CONFIRMATION,
  MAX_LEGS,
  MAX_PLACE,
  MAX_SEATS,
  ticketStatuses,
  travellerLanguages,
} from '../../../shared/travel';

/** A wall-clock time at the stop ("2026-03-08T07:30"), read in that stop's zone. */
const wallTime = z.string().trim().min(10).max(40);
const zoneName = z.string().trim().min(1).max(64);

export const legInput = z.strictObject({
  carrier: z.string().trim().min(1).max(MAX_CARRIER),
  from: z.string().trim().min(1).max(MAX_PLACE),
  /** IANA zone of the departure stop; the network's zone when left out. */
  fromZone: zoneName.optional(),
  departsAt: wallTime,
  to: z.string().trim().min(1).max(MAX_PLACE),
  toZone: zoneName.optional(),
  arrivesAt: wallTime,
});
export type LegInput = z.output<typeof legInput>;

const fields = {
  people: z
    .number()
    .int()
    .min(1)
    .max(MAX_COUNT * 2),
  destination: z.string().trim().min(1).max(MAX_PLACE),
  legs: z.array(legInput).min(1).max(MAX_LEGS),
  ticket: z.enum(ticketStatuses).default('needed'),
  seats: z.string().trim().max(MAX_SEATS).optional(),
  /** The carrier's booking reference, shown to the driver. */
  confirmation: z.string().trim().max(MAX_CONFIRMATION).optional(),
  /** The language of the traveller's page and text. */
  language: z.enum(travellerLanguages).default('es'),
};

export const createItineraryBody = z.strictObject(fields);
export type CreateItineraryInput = z.output<typeof createItineraryBody>;

export const updateItineraryBody = z.strictObject({
  people: fields.people.optional(),
  destination: fields.destination.optional(),
  legs: fields.legs.optional(),
  ticket: z.enum(ticketStatuses).optional(),
  seats: z.string().trim().max(MAX_SEATS).nullable().optional(),
  confirmation: z.string().trim().max(MAX_CONFIRMATION).nullable().optional(),
  language: z.enum(travellerLanguages).optional(),
});
export type UpdateItineraryInput = z.output<typeof updateItineraryBody>;

export const leg = z.object({
  carrier: z.string(),
  from: z.string(),
  fromZone: z.string(),
  /** ISO with the departure stop's own offset. */
  departsAt: z.string(),
  to: z.string(),
  toZone: z.string(),
  /** ISO with the arrival stop's own offset. */
  arrivesAt: z.string(),
  /** Minutes between arriving and the next leg's departure; null on the last leg. */
  transferMinutes: z.number().int().nullable(),
});
export type Leg = z.output<typeof leg>;

export const itinerary = z.object({
  id: z.number().int(),
  releaseId: z.number().int(),
  releaseCode: z.string(),
  siteId: z.number().int(),
  siteName: z.string(),
  people: z.number().int(),
  destination: z.string().nullable(),
  legs: z.array(leg),
  ticket: z.enum(ticketStatuses),
  seats: z.string().nullable(),
  confirmation: z.string().nullable(),
  language: z.enum(travellerLanguages),
  departsAt: z.string(),
  arrivesAt: z.string(),
  shared: z.boolean(),
  travelBags: z.number().int(),
  departed: z.boolean(),
  purged: z.boolean(),
});
export type Itinerary = z.output<typeof itinerary>;

export const itineraryList = z.array(itinerary);

export const boardQuery = z.object({ date: z.iso.date().optional() });

const boardSite = z.object({
  siteId: z.number().int(),
  siteName: z.string(),
  itineraries: z.array(itinerary),
});

/** Two local days in NETWORK_TZ (the date asked and the next), each with its sites in name order. */
export const board = z.object({
  days: z.array(z.object({ date: z.string(), sites: z.array(boardSite) })),
});
export type Board = z.output<typeof board>;

export const shareBody = z.strictObject({
  /** A phone to text the link to, through the outbox. */
  to: z.string().trim().min(3).max(MAX_PHONE_INPUT).optional(),
  language: z.enum(travellerLanguages).optional(),
});
export type ShareInput = z.output<typeof shareBody>;

export const shareResult = z.object({
  url: z.string(),
  /** The link as a QR code, an SVG document. */
  qrSvg: z.string(),
  expiresAt: z.string(),
  texted: z.boolean(),
});
export type ShareResult = z.output<typeof shareResult>;

export const travelBagBody = z.strictObject({
  itemId: z.number().int().positive(),
  siteId: z.number().int().positive(),
  count: z.number().int().min(1).max(MAX_COUNT).optional(),
});
