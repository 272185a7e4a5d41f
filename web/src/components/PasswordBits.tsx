import { MAX_PASSWORD, MIN_PASSWORD } from '@shared/passwords';
import type { Translate } from '../i18n';

/** Whose password it is: yours on your account page, someone else's when an admin resets it. */
type Whose = 'mine' | 'theirs';

/**
 * The server explains a refused password in English; these are its reasons in the reader's language.
 * A reason not listed here is shown as the server gave it.
 */
const reasons: [RegExp, (t: Translate, whose: Whose) => string][] = [
  [/current password/, (t) => t('password.problem.current')],
  [/at least/, (t) => t('password.problem.short', { n: MIN_PASSWORD })],
  [/at most/, (t) => t('password.problem.long', { n: MAX_PASSWORD })],
  [/too common/, (t) => t('password.problem.common')],
  [/easy to guess/, (t) => t('password.problem.easy')],
  [/email/, (t, whose) => t(whose === 'mine' ? 'password.problem.email' : 'password.problem.theirEmail')],
];

export function passwordProblemText(
  t: Translate,
  message: string | undefined,
  whose: Whose = 'mine',
): string | undefined {
  if (message === undefined || message === '') return message;
  const found = reasons.find(([pattern]) => pattern.test(message));
  return found ? found[1](t, whose) : message;
}

export function passwordRules(t: Translate, whose: Whose = 'mine'): string {
  return t(whose === 'mine' ? 'password.rules' : 'password.rulesTheirs', { n: MIN_PASSWORD });
}
