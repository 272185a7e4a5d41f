import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';

/** E.164 for any common way of writing a number ("(555) 123-4567", "555.123.4567", "+52 55…"), or null. */
export function toE164(input: string, defaultCountry: string): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), defaultCountry as CountryCode);
  return parsed?.isValid() ? parsed.number : null;
}
