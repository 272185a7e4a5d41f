import type { SmsLanguage } from '../../../db/schema';

/**
 * Every text the system sends, in both languages. Kept to one GSM-7 segment: Spanish avoids á, í, ó
 * and ú (é, ñ, ¿ and ¡ are GSM-7), which would halve what a segment holds.
 */
export const templates = {
  help: {
    en: 'Bienvenida: YES/NO <code> answers an offer. WELL or SICK: daily check. STATUS: your next shift. ONCALL: medic on call. STOP: no more texts.',
    es: 'Bienvenida: SI/NO <codigo> responde a una oferta. BIEN o ENFERMO: chequeo diario. ESTADO: su turno. GUARDIA: medico de guardia. PARAR: no mas mensajes.',
  },
  optedOut: {
    en: 'Bienvenida: you will get no more texts. Reply START to receive them again.',
    es: 'Bienvenida: ya no recibira mensajes. Responda ALTA para recibirlos de nuevo.',
  },
  optedIn: {
    en: 'Bienvenida: texts are on again. Reply HELP for what you can send, STOP to stop.',
    es: 'Bienvenida: mensajes activados de nuevo. Responda AYUDA para ver opciones, PARAR para dejar de recibir.',
  },
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
  volunteersOnly: {
    en: 'Bienvenida: this keyword is for registered volunteers. Reply HELP for options.',
    es: 'Bienvenida: esta palabra es para voluntarios registrados. Responda AYUDA para ver opciones.',
  },
  isolationNotice: {
    en: 'Bienvenida: {name} reported symptoms or exposure and is isolating until {until}. Their shifts now show as gaps.',
    es: 'Bienvenida: {name} reporto sintomas o exposicion y se aisla hasta el {until}. Sus turnos quedan como huecos.',
  },
  releaseLogged: {
    en: 'Logged {code}: {adults} adults, {children} children at {site}. The team is being told. Thank you!',
    es: 'Registrada {code}: {adults} adultos, {children} menores en {site}. Avisamos al equipo. Gracias!',
  },
  releaseUsage: {
    en: 'To report a release text RELEASE <site> <adults> <children>, e.g. RELEASE GREY 3 1. Sites: {sites}.',
    es: 'Para reportar envie LIBERACION <sitio> <adultos> <menores>, p. ej. LIBERACION GREY 3 1. Sitios: {sites}.',
  },
  offer: {
    en: 'Bienvenida {code}: {people} people at {site} need help now. Languages: {langs}. Can you go? Reply YES {code} or NO {code}.',
    es: 'Bienvenida {code}: {people} personas en {site} necesitan ayuda ahora. Idiomas: {langs}. Puede ir? Responda SI {code} o NO {code}.',
  },
  offerAccepted: {
    en: 'Confirmed {release}: go to {site}, {address}. Meet {group}. Lead: {lead}. Thank you!',
    es: 'Confirmado {release}: vaya a {site}, {address}. Grupo: {group}. Contacto: {lead}. Gracias!',
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
  dispatchEscalated: {
    en: 'Bienvenida: not enough volunteers for {release} at {site} ({accepted} of {needed}). Please call people.',
    es: 'Bienvenida: faltan voluntarios para {release} en {site} ({accepted} de {needed}). Llame a gente.',
  },
  shiftReminder: {
    en: 'Bienvenida: your shift at {site} starts {when}. Please screen today: {link} or text WELL or SICK.',
    es: 'Bienvenida: su turno en {site} empieza {when}. Haga su chequeo de hoy: {link} o envie BIEN o ENFERMO.',
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
  openShifts: {
    en: 'Open shifts: {list}. Text SHIFT <number> to sign up.',
    es: 'Turnos abiertos: {list}. Envie TURNO <numero> para apuntarse.',
  },
  noOpenShifts: {
    en: 'No open shifts in the next 3 days. Thank you!',
    es: 'No hay turnos abiertos en los proximos 3 dias. Gracias!',
  },
  signedUp: {
    en: "You're on shift {id}: {when} at {site}. Thank you!",
    es: 'Apuntado al turno {id}: {when} en {site}. Gracias!',
  },
  shiftRefused: {
    en: 'Shift {id}: {reason}.',
    es: 'Turno {id}: {reason}.',
  },
  dropped: {
    en: "You're off shift {id}. Thanks for telling us.",
    es: 'Ya no esta en el turno {id}. Gracias por avisar.',
  },
} satisfies Record<string, Record<SmsLanguage, string>>;

/** Short reasons and states inside templates. */
export const words = {
  shift_full: { en: 'it is already full', es: 'ya esta completo' },
  already_signed_up: { en: 'you are already on it', es: 'ya esta apuntado' },
  shift_over: { en: 'it is over', es: 'ya termino' },
  not_found: { en: 'no such shift for you', es: 'no existe para usted' },
  volunteer_inactive: { en: 'your profile is paused', es: 'su perfil esta en pausa' },
  volunteer_isolating: {
    en: 'you are isolating until after it starts',
    es: 'esta en aislamiento hasta despues del inicio',
  },
  clear: { en: 'done', es: 'hecho' },
  isolating: { en: 'isolating', es: 'en aislamiento' },
  missing: { en: 'due today (text WELL or SICK)', es: 'pendiente (envie BIEN o ENFERMO)' },
} satisfies Record<string, Record<SmsLanguage, string>>;

export type TemplateKey = keyof typeof templates;

export function render(
  key: TemplateKey,
  lang: SmsLanguage,
  params: Record<string, string | number> = {},
): string {
  return templates[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}
