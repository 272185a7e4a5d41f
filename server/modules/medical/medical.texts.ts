import { renderer, type TextCatalog } from '../../lib/texts';

/** Pages to medical contacts, their acknowledgements, and who is on call. */
export const medicalTexts = {
  pageSent: {
    en: 'Bienvenida page {code}: {reason}{release}. Please call {lead}. Reply ACK {code} when you have it.',
    es: 'Bienvenida aviso {code}: {reason}{release}. Llame a {lead}. Responda OK {code} al recibirlo.',
  },
  pageCoordinators: {
    en: 'Bienvenida: medical page {code} not answered by the on-call ({reason}). Please call someone.',
    es: 'Bienvenida: nadie respondio el aviso medico {code} ({reason}). Llame a alguien.',
  },
  pageAcked: {
    en: 'Thank you, {name}: page {code} is yours. The lead is {lead}.',
    es: 'Gracias, {name}: el aviso {code} es suyo. Contacto: {lead}.',
  },
  pageTaken: {
    en: 'Page {code} was already answered by {name}. Thank you!',
    es: 'El aviso {code} ya lo respondio {name}. Gracias!',
  },
  pageClosed: {
    en: 'Page {code} is closed now. Thank you!',
    es: 'El aviso {code} ya esta cerrado. Gracias!',
  },
  pageUnknown: {
    en: 'No open page {code} for you. Reply ACK with the code in the page.',
    es: 'No tiene un aviso abierto {code}. Responda OK con el codigo del aviso.',
  },
  medicalOnly: {
    en: 'Bienvenida: ACK answers a medical page and is for medical contacts.',
    es: 'Bienvenida: OK responde un aviso medico y es para el equipo medico.',
  },
  onCall: {
    en: 'On medical call now: {primary}. Backup: {backup}.',
    es: 'De guardia medica ahora: {primary}. Suplente: {backup}.',
  },
  onCallNobody: {
    en: 'Nobody is on medical call right now. Call a coordinator.',
    es: 'Nadie esta de guardia medica ahora. Llame a un coordinador.',
  },
} satisfies TextCatalog;

export const renderMedicalText = renderer(medicalTexts);
