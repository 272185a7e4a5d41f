import { renderer, type TextCatalog } from '../../lib/texts';

/** Texts anyone may get: help, opting out and back in, and the answer to a keyword for volunteers only. */
export const smsTexts = {
  help: {
    en: 'Bienvenida: YES/NO <code> answers an offer. WELL or SICK: daily check. STATUS: your next shift. SHIFT: open shifts. STOP: no more texts.',
    es: 'Bienvenida: SI/NO <codigo> responde a una oferta. BIEN o ENFERMO: chequeo diario. ESTADO: su turno. TURNO: turnos abiertos. PARAR: no mas mensajes.',
  },
  optedOut: {
    en: 'Bienvenida: you will get no more texts. Reply START to receive them again.',
    es: 'Bienvenida: ya no recibira mensajes. Responda ALTA para recibirlos de nuevo.',
  },
  optedIn: {
    en: 'Bienvenida: texts are on again. Reply HELP for what you can send, STOP to stop.',
    es: 'Bienvenida: mensajes activados de nuevo. Responda AYUDA para ver opciones, PARAR para dejar de recibir.',
  },
  volunteersOnly: {
    en: 'Bienvenida: this keyword is for registered volunteers. Reply HELP for options.',
    es: 'Bienvenida: esta palabra es para voluntarios registrados. Responda AYUDA para ver opciones.',
  },
} satisfies TextCatalog;

export const renderSmsText = renderer(smsTexts);
