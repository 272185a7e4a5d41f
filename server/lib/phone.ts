import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';
import { ValidationError } from '../errors';
import { RecentAnswers } from './recent';

/** Every inbound text parses its sender's number, and the same numbers come back. */
const recent = new RecentAnswers<string | null>(2000);

function parseE164(input: string, defaultCountry: string): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), defaultCountry as CountryCode);
  return parsed?.isValid() ? parsed.number : null;
}

/** E.164 for any common way of writing a number ("(555) 123-4567", "555.123.4567", "+52 55…"), or null. */
export function toE164(input: string, defaultCountry: string): string | null {
  // Only what could be a number is kept: a long string is parsed (and refused) each time.
  if (input.length > 64) return parseE164(input, defaultCountry);
  return recent.get(`${defaultCountry}\n${input}`, () => parseE164(input, defaultCountry));
}

/** toE164, or a 400 naming the field that held the number. */
export function requirePhone(input: string, defaultCountry: string, path: string): string {
  const phone = toE164(input, defaultCountry);
  if (!phone) throw new ValidationError([{ path, message: 'is not a valid phone number' }]);
  return phone;
}
