import type { SmsLanguage } from '../../shared/sms';

/**
 * SMS texts in both languages, each domain's in its own `<domain>.texts.ts`. Kept to one GSM-7 segment:
 * Spanish avoids á, í, ó and ú (é, ñ, ¿ and ¡ are GSM-7), which would halve what a segment holds.
 */
export type TextCatalog = Record<string, Record<SmsLanguage, string>>;

export type TextParams = Record<string, string | number>;

export function fill(template: string, params: TextParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** A render function over one catalog: only its keys type-check. */
export function renderer<C extends TextCatalog>(catalog: C) {
  return (key: keyof C & string, lang: SmsLanguage, params: TextParams = {}): string =>
    fill(catalog[key]![lang], params);
}
