import { renderer, type TextCatalog } from '../../lib/texts';

/** The stock alert texted to the people who asked for it. */
export const suppliesTexts = {
  lowStock: {
    en: 'Bienvenida: {item} is running low at {site}: {qty} {unit} left.',
    es: 'Bienvenida: quedan pocos {item} en {site}: {qty} {unit}.',
  },
} satisfies TextCatalog;

export const renderSuppliesText = renderer(suppliesTexts);
