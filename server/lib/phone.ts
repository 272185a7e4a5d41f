import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';
import { ValidationError } from '../errors';

/** E.164 for any common way of writing a number ("(555) 123-4567", "555.123.4567", "+52 55…"), or null. */
export function toE164(input: string, defaultCountry: string): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), defaultCountry as CountryCode);
  return parsed?.isValid() ? parsed.number : null;
}

/** toE164, or a 400 naming the field that held the number. */
export function requirePhone(input: string, defaultCountry: string, path: string): string {
  const phone = toE164(input, defaultCountry);
  if (!phone) throw new ValidationError([{ path, message: 'is not a valid phone number' }]);
  return phone;
}
