import { readFileSync } from 'node:fs';
import { MAX_PASSWORD, MIN_PASSWORD } from '../../shared/passwords';
import { fromRoot } from './paths';

/** Lowercased, without spaces and separators, so "Pass word_1" and "password1" are one guess. */
function folded(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s._\-!@#$%^&*]+/g, '');
}

const common = new Set(
  readFileSync(fromRoot('server/lib/common-passwords.txt'), 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map(folded),
);

/**
 * Why a password may not be used, or null. Beyond the length: not a common password, not one with
 * digits added to a common word ("monkey123456"), not a repeated common word ("qwertyqwerty"), and
 * not the account's email or its name part.
 */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < MIN_PASSWORD) return `must be at least ${MIN_PASSWORD} characters`;
  if (password.length > MAX_PASSWORD) return `must be at most ${MAX_PASSWORD} characters`;
  const f = folded(password);
  const stem = f.replace(/\d+$/, '').replace(/^\d+/, '');
  const half = f.length % 2 === 0 ? f.slice(0, f.length / 2) : '';
  if (
    common.has(f) ||
    (stem.length >= 4 && common.has(stem)) ||
    (half && half.repeat(2) === f && common.has(half))
  )
    return 'is too common: pick a longer phrase of unrelated words';
  if (/^(.)\1+$/.test(f) || /^\d+$/.test(f)) return 'is too easy to guess';
  if (email) {
    const local = folded(email.split('@')[0] ?? '');
    if (f === folded(email) || (local.length >= 4 && f.includes(local) && f.length - local.length < 6))
      return 'must not be your email address';
  }
  return null;
}
