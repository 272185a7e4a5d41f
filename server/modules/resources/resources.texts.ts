import { renderer, type TextCatalog } from '../../lib/texts';

/** A sheet's link texted to someone, and the answers to SHEETS/HOJAS. */
export const resourcesTexts = {
  resourceLink: {
    en: 'Bienvenida: {title} {url}',
    es: 'Bienvenida: {title} {url}',
  },
  sheetsList: {
    en: 'Sheets to share:\n{list}',
    es: 'Hojas para compartir:\n{list}',
  },
  sheetsNone: {
    en: 'No sheets on that topic yet. Text SHEETS for all of them.',
    es: 'Aun no hay hojas de ese tema. Mande HOJAS para verlas todas.',
  },
  sheetsTopics: {
    en: 'Topics: SHEETS HEALTH, LEGAL, TRAVEL, LOCAL or HOUSING.',
    es: 'Temas: HOJAS SALUD, LEGAL, VIAJE, LOCAL o ALOJAMIENTO.',
  },
} satisfies TextCatalog;

export const renderResourcesText = renderer(resourcesTexts);
