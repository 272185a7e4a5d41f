import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';
import { ValidationError } from '../errors';

const KEPT = 2000;
/** Recent answers: every inbound text parses its sender's number, and the same numbers come back. */
const recent = new Map<string, string | null>();

/** E.164 for any common way of writing a number ("(555) 123-4567", "555.123.4567", "+52 55…"), or null. */
export function toE164(input: string, defaultCountry: string): string | null {
  const key = `${defaultCountry}\n${input}`;
  const known = recent.get(key);
  if (known !== undefined) return known;
  const parsed = parsePhoneNumberFromString(input.trim(), defaultCountry as CountryCode);
  const answer = parsed?.isValid() ? parsed.number : null;
  if (input.length <= 64) {
    if (recent.size >= KEPT) recent.delete(recent.keys().next().value as string);
    recent.set(key, answer);
  }
  return answer;
}

/** toE164, or a 400 naming the field that held the number. */
export function requirePhone(input: string, defaultCountry: string, path: string): string {
  const phone = toE164(input, defaultCountry);
  if (!phone) throw new ValidationError([{ path, message: 'is not a valid phone number' }]);
  return phone;
}
