import { languageEntry } from '../../shared/language-codes';
import type { SmsLanguage } from '../../shared/sms';
import { RecentAnswers } from './recent';

/**
 * SMS texts in both languages, each domain's in its own `<domain>.texts.ts`. Kept to one GSM-7 segment:
 * Spanish avoids á, í, ó and ú (é, ñ, ¿ and ¡ are GSM-7), which would halve what a segment holds.
 */
export type TextCatalog = Record<string, Record<SmsLanguage, string>>;

export type TextParams = Record<string, string | number>;

const pluralRules = new Map<string, Intl.PluralRules>();
/** Whether a count takes the singular, per language: texts repeat the same few counts. */
const singular = new RecentAnswers<boolean>(500);

/** "1 child", "3 children": CLDR's rule for the language picks the form. */
export function plural(lang: string, n: number, one: string, other: string): string {
  const isOne = singular.get(`${lang}:${n}`, () => {
    let rules = pluralRules.get(lang);
    if (!rules) {
      rules = new Intl.PluralRules(lang);
      pluralRules.set(lang, rules);
    }
    return rules.select(n) === 'one';
  });
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

/** Each language's name as an SMS writes it: a fixed list, asked again and again. */
const smsNames = new RecentAnswers<string>(500);

/** Language names for an SMS, in the reader's language and kept GSM-7 ("ingles", "K'iche'"). */
export function languageList(lang: SmsLanguage, codes: readonly string[]): string {
  return codes
    .map((code) =>
      smsNames.get(`${lang}:${code}`, () =>
        (languageEntry(code)?.[lang] ?? code)
          .normalize('NFD')
          .replace(/[\u0300-\u0302\u0308]/g, '')
          .normalize('NFC'),
      ),
    )
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
