import { renderer, type TextCatalog } from '../../lib/texts';

/** Asking a volunteer host by text, their answers, and what coordinators hear when a host cannot. */
export const housingTexts = {
  hostAsk: {
    en: 'Bienvenida {code}: can you host {people|# person|# people} from {date} for {nights|# night|# nights}? Reply YES {code} or NO {code}.',
    es: 'Bienvenida {code}: puede alojar a {people|# persona|# personas} desde el {date} por {nights|# noche|# noches}? Responda SI {code} o NO {code}.',
  },
  hostConfirmed: {
    en: 'Thank you! {release}: {people|# person arrives|# people arrive} {date} for {nights|# night|# nights}. A coordinator will call you.',
    es: 'Gracias! {release}: {people|# persona llega|# personas llegan} el {date} por {nights|# noche|# noches}. Un coordinador le llamara.',
  },
  hostDeclined: { en: 'Thanks for telling us. No problem.', es: 'Gracias por avisar. No hay problema.' },
  hostTooLate: {
    en: 'Request {code} is closed now, thank you! No need to host.',
    es: 'La solicitud {code} ya esta cerrada, gracias! No hace falta alojar.',
  },
  hostNoRoom: {
    en: 'Request {code}: the beds filled up meanwhile. Thank you, a coordinator will call.',
    es: 'Solicitud {code}: ya no quedan camas. Gracias, un coordinador le llamara.',
  },
  hostRefused: {
    en: 'Bienvenida: {site} cannot host {release} ({why}). Next: {next}.',
    es: 'Bienvenida: {site} no puede alojar {release} ({why}). Siguiente: {next}.',
  },
} satisfies TextCatalog;

export const renderHousingText = renderer(housingTexts);
