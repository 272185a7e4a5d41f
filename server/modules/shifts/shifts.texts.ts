import { renderer, type TextCatalog } from '../../lib/texts';

/** Shift reminders and the answers to SHIFT/TURNO and DROP/DEJAR. */
export const shiftsTexts = {
  shiftReminder: {
    en: 'Bienvenida: your shift at {site} starts {when}. Please screen today: {link} or text WELL or SICK.',
    es: 'Bienvenida: su turno en {site} empieza {when}. Haga su chequeo de hoy: {link} o envie BIEN o ENFERMO.',
  },
  openShifts: {
    en: 'Open shifts: {list}. Reply with one to sign up.',
    es: 'Turnos abiertos: {list}. Responda con uno para apuntarse.',
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
  shiftMoved: {
    en: 'Bienvenida: shift {id} at {site} now starts {when}. Text DROP {id} if you cannot come.',
    es: 'Bienvenida: el turno {id} en {site} ahora empieza {when}. Envie DEJAR {id} si no puede venir.',
  },
  shiftCancelled: {
    en: 'Bienvenida: shift {id} at {site} on {when} is cancelled. No need to come. Thank you!',
    es: 'Bienvenida: el turno {id} en {site} el {when} se cancelo. No hace falta venir. Gracias!',
  },
} satisfies TextCatalog;

/** Why a signup by text was refused, inside shiftRefused. */
export const shiftWords = {
  shift_full: { en: 'it is already full', es: 'ya esta completo' },
  already_signed_up: { en: 'you are already on it', es: 'ya esta apuntado' },
  shift_over: { en: 'it is over', es: 'ya termino' },
  not_found: { en: 'no such shift for you', es: 'no existe para usted' },
  volunteer_inactive: { en: 'your profile is paused', es: 'su perfil esta en pausa' },
  volunteer_isolating: {
    en: 'you are isolating until after it starts',
    es: 'esta en aislamiento hasta despues del inicio',
  },
} satisfies TextCatalog;

export const renderShiftsText = renderer(shiftsTexts);
