import type { TravellerLanguage } from '../../../shared/travel';

/**
 * The traveller's page, word by word, per language. A new language is one more entry here (and in
 * shared/travel.ts's travellerLanguages); the type makes a missing word fail the build.
 */
export interface PageWords {
  /** BCP 47 tag for <html lang> and luxon's dates. */
  locale: string;
  title: string;
  tripTo: string;
  travellers: (n: number) => string;
  leg: (n: number) => string;
  departs: string;
  arrives: string;
  transfer: (wait: string, place: string) => string;
  hours: (h: number, m: number) => string;
  localTime: string;
  showDriver: string;
  seats: string;
  booking: string;
  help: string;
  helpNone: string;
  expires: string;
  goneTitle: string;
  gone: string;
}

export const pageWords: Record<TravellerLanguage, PageWords> = {
  en: {
    locale: 'en',
    title: 'Your trip',
    tripTo: 'Trip to',
    travellers: (n) => (n === 1 ? '1 traveler' : `${n} travelers`),
    leg: (n) => `Part ${n}`,
    departs: 'Leaves',
    arrives: 'Arrives',
    transfer: (wait, place) => `Change in ${place}: wait ${wait}. Keep your ticket.`,
    hours: (h, m) => (h ? `${h} h ${m} min` : `${m} min`),
    localTime: 'Each time is the local time of that city.',
    showDriver: 'Show this to the driver',
    seats: 'Seats',
    booking: 'Booking',
    help: 'Need help? Call',
    helpNone: 'Need help? Ask the volunteers who gave you this page.',
    expires: 'This page stops working after your trip.',
    goneTitle: 'Page not available',
    gone: 'This link does not work (it may have expired).',
  },
  es: {
    locale: 'es',
    title: 'Su viaje',
    tripTo: 'Viaje a',
    travellers: (n) => (n === 1 ? '1 viajero' : `${n} viajeros`),
    leg: (n) => `Parte ${n}`,
    departs: 'Sale',
    arrives: 'Llega',
    transfer: (wait, place) => `Cambio en ${place}: espere ${wait}. Guarde su boleto.`,
    hours: (h, m) => (h ? `${h} h ${m} min` : `${m} min`),
    localTime: 'Cada hora es la hora local de esa ciudad.',
    showDriver: 'Muestre esto al chofer',
    seats: 'Asientos',
    booking: 'Reserva',
    help: '¿Necesita ayuda? Llame al',
    helpNone: '¿Necesita ayuda? Pregunte a los voluntarios que le dieron esta página.',
    expires: 'Esta página deja de funcionar después de su viaje.',
    goneTitle: 'Página no disponible',
    gone: 'Este enlace no funciona (puede haber vencido).',
  },
};

/** The driver may read neither Spanish nor the traveller's language: their box is always in English. */
export const driverWords = pageWords.en;
