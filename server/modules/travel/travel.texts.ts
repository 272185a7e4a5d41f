import { renderer, type TextCatalog } from '../../lib/texts';

/** The traveller's link, texted to a phone they travel with. */
export const travelTexts = {
  itineraryLink: {
    en: 'Bienvenida: your trip to {destination} leaves {when}. Times, stops and help: {url}',
    es: 'Bienvenida: su viaje a {destination} sale {when}. Horarios, paradas y ayuda: {url}',
  },
} satisfies TextCatalog;

export const renderTravelText = renderer(travelTexts);
