import { renderer, type TextCatalog } from '../../lib/texts';

/** What the account holder and the admins are told when someone keeps guessing a password. */
export const authTexts = {
  loginBurst: {
    en: 'Bienvenida: {n} failed sign-ins to the account of {name} in 15 minutes. If this was not you, tell an admin.',
    es: 'Bienvenida: {n} intentos fallidos de entrar a la cuenta de {name} en 15 minutos. Si no fue usted, avise a un admin.',
  },
} satisfies TextCatalog;

export const renderAuthText = renderer(authTexts);
