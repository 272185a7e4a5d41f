import { languageEntry } from '../../shared/language-codes';
import type { SmsLanguage } from '../../shared/sms';

/**
 * SMS texts in both languages, each domain's in its own `<domain>.texts.ts`. Kept to one GSM-7 segment:
 * Spanish avoids á, í, ó and ú (é, ñ, ¿ and ¡ are GSM-7), which would halve what a segment holds.
 */
export type TextCatalog = Record<string, Record<SmsLanguage, string>>;

export type TextParams = Record<string, string | number>;

const pluralRules = new Map<string, { rules: Intl.PluralRules; small: boolean[] }>();

/** "1 child", "3 children": CLDR's rule for the language picks the form (small counts kept once asked). */
export function plural(lang: string, n: number, one: string, other: string): string {
  let entry = pluralRules.get(lang);
  if (!entry) {
    entry = { rules: new Intl.PluralRules(lang), small: [] };
    pluralRules.set(lang, entry);
  }
  const small = Number.isInteger(n) && n >= 0 && n < 100;
  const isOne = (small ? entry.small[n] : undefined) ?? entry.rules.select(n) === 'one';
  if (small) entry.small[n] = isOne;
  return (isOne ? one : other).replace('#', String(n));
}

/**
 * `{name}` is replaced by its value; `{name|# child|# children}` by the plural form the language
 * picks for that number, `#` standing for it.
 */
export function fill(template: string, params: TextParams = {}, lang = 'en'): string {
  return template
    .replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (_, name: string, one: string, other: string) =>
      plural(lang, Number(params[name] ?? 0), one, other),
    )
    .replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** A render function over one catalog: only its keys type-check. */
export function renderer<C extends TextCatalog>(catalog: C) {
  return (key: keyof C & string, lang: SmsLanguage, params: TextParams = {}): string =>
    fill(catalog[key]![lang], params, lang);
}

/** Each language's name as an SMS writes it, once asked (the languages are a fixed list). */
const smsNames = new Map<string, string>();

/** Language names for an SMS, in the reader's language and kept GSM-7 ("ingles", "K'iche'"). */
export function languageList(lang: SmsLanguage, codes: readonly string[]): string {
  return codes
    .map((code) => {
      const key = `${lang}:${code}`;
      let name = smsNames.get(key);
      if (name === undefined) {
        const entry = languageEntry(code);
        name = (entry ? entry[lang] : code)
          .normalize('NFD')
          .replace(/[\u0300-\u0302\u0308]/g, '')
          .normalize('NFC');
        // Codes outside the list are the sender's own words: not kept, so they cannot grow the map.
        if (entry) smsNames.set(key, name);
      }
      return name;
    })
    .join(', ');
}

/** "3 adults, 1 child" / "3 adultos, 1 menor"; no children, no second half. */
export function groupOf(lang: SmsLanguage, adults: number, children: number): string {
  const grown =
    lang === 'es'
      ? plural(lang, adults, '# adulto', '# adultos')
      : plural(lang, adults, '# adult', '# adults');
  if (children === 0) return grown;
  const young =
    lang === 'es'
      ? plural(lang, children, '# menor', '# menores')
      : plural(lang, children, '# child', '# children');
  return `${grown}, ${young}`;
}
