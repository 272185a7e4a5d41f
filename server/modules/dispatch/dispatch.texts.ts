import { renderer, type TextCatalog } from '../../lib/texts';

/** Offers, answers to YES and NO, the escalation page, and STATUS. */
export const dispatchTexts = {
  offer: {
    en: 'Bienvenida {code}: {people|# person needs|# people need} help now at {site}. Languages: {langs}. Can you go? Reply YES {code} or NO {code}.',
    es: 'Bienvenida {code}: se necesita ayuda ya para {people|# persona|# personas} en {site}. Idiomas: {langs}. Puede ir? Responda SI {code} o NO {code}.',
  },
  offerExpected: {
    en: 'Bienvenida {code}: {people|# person|# people} expected at {site} {when}. Languages: {langs}. Can you go? Reply YES {code} or NO {code}.',
    es: 'Bienvenida {code}: {people|llega # persona|llegan # personas} a {site} {when}. Idiomas: {langs}. Puede ir? Responda SI {code} o NO {code}.',
  },
  offerBed: {
    en: ' Bed tonight: {site}, {address}.',
    es: ' Cama esta noche: {site}, {address}.',
  },
  offerAccepted: {
    en: 'Confirmed {release}: go to {site}, {address}. Meet {group}. Lead: {lead}.{bed} Thank you!',
    es: 'Confirmado {release}: vaya a {site}, {address}. Grupo: {group}. Contacto: {lead}.{bed} Gracias!',
  },
  offerDeclined: { en: 'Thanks for telling us. No problem.', es: 'Gracias por avisar. No hay problema.' },
  offerCovered: {
    en: 'Offer {code} is covered now, thank you! No need to go.',
    es: 'La oferta {code} ya esta cubierta, gracias! No hace falta ir.',
  },
  offerExpired: { en: 'Offer {code} has expired. Thank you!', es: 'La oferta {code} ya vencio. Gracias!' },
  offerCancelled: {
    en: 'Offer {code} is cancelled. Thank you!',
    es: 'La oferta {code} se cancelo. Gracias!',
  },
  offerUnknown: {
    en: 'No open offer {code} for you. Text STATUS for your assignments.',
    es: 'No tiene una oferta abierta {code}. Envie ESTADO para ver sus tareas.',
  },
  offerAlreadyAccepted: {
    en: 'You are already confirmed for {code}. Thank you!',
    es: 'Ya esta confirmado para {code}. Gracias!',
  },
  offerChooseCode: {
    en: 'You have several offers open: reply YES or NO with the code, e.g. YES {code}.',
    es: 'Tiene varias ofertas abiertas: responda SI o NO con el codigo, p. ej. SI {code}.',
  },
  offerUnclear: {
    en: 'Can you go to {release}? Reply YES {code} or NO {code}.',
    es: '¿Puede ir a {release}? Responda SI {code} o NO {code}.',
  },
  offerCountedYes: {
    en: 'Bienvenida: a coordinator counted your answer as YES for {release}. If you cannot go, reply NO {code}.',
    es: 'Bienvenida: un coordinador conto su respuesta como SI para {release}. Si no puede ir, responda NO {code}.',
  },
  offerCountedNo: {
    en: 'Bienvenida: a coordinator counted your answer as NO for {release}. Thank you!',
    es: 'Bienvenida: un coordinador conto su respuesta como NO para {release}. Gracias!',
  },
  dispatchEscalated: {
    en: 'Bienvenida: not enough volunteers for {release} at {site} ({accepted} of {needed}). Please call people.',
    es: 'Bienvenida: faltan voluntarios para {release} en {site} ({accepted} de {needed}). Llame a gente.',
  },
  statusShift: {
    en: 'Next shift: {when} at {site}. Screening: {screening}.',
    es: 'Su proximo turno: {when} en {site}. Chequeo: {screening}.',
  },
  statusAssignment: {
    en: 'Assignment: {release} at {site}.',
    es: 'Tarea: {release} en {site}.',
  },
  statusNone: {
    en: 'No upcoming shift. Text SHIFT to see open ones.',
    es: 'No tiene turnos proximos. Envie TURNO para ver los abiertos.',
  },
} satisfies TextCatalog;

export const renderDispatchText = renderer(dispatchTexts);
