import { renderer, type TextCatalog } from '../../lib/texts';

/** The daily screen's answers, and the notice coordinators get when someone starts isolating. */
export const screeningTexts = {
  screenClear: {
    en: 'Thanks, {name}. You are clear for today.',
    es: 'Gracias, {name}. Hoy puede participar.',
  },
  screenIsolate: {
    en: 'Thanks for telling us, {name}. Please rest at home until {until}; we will not send you out. Text WELL after that.',
    es: 'Gracias por avisar, {name}. Descanse en casa hasta el {until}; no le enviaremos. Envie BIEN despues de esa fecha.',
  },
  stillIsolating: {
    en: 'Thanks, {name}. Your isolation lasts until {until}; text WELL after that to return.',
    es: 'Gracias, {name}. Su aislamiento dura hasta el {until}; envie BIEN despues para volver.',
  },
  isolationNotice: {
    en: 'Bienvenida: {name} reported symptoms or exposure and is isolating until {until}. Their shifts now show as gaps.',
    es: 'Bienvenida: {name} reporto sintomas o exposicion y se aisla hasta el {until}. Sus turnos quedan como huecos.',
  },
} satisfies TextCatalog;

/** A screening state inside another text (STATUS). */
export const screeningWords = {
  clear: { en: 'done', es: 'hecho' },
  isolating: { en: 'isolating', es: 'en aislamiento' },
  missing: { en: 'due today (text WELL or SICK)', es: 'pendiente (envie BIEN o ENFERMO)' },
} satisfies TextCatalog;

export const renderScreeningText = renderer(screeningTexts);
