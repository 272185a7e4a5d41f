import { type SmsLanguage, smsLanguages } from '@shared/sms';
import { createStore, useStore } from '../store';
import { type Catalog, en, type MessageKey } from './en';
import { es } from './es';

/** The dashboard is written in the languages every SMS text is. */
export type Lang = SmsLanguage;
export const langs = smsLanguages;
export type { MessageKey };

const catalogs: Record<Lang, Catalog> = { en, es };
const storageKey = 'bv.lang';

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(storageKey);
    const known = langs.find((l) => l === saved);
    if (known) return known;
  } catch {
    // Private browsing can refuse storage; the browser's language still applies.
  }
  return navigator.language.toLowerCase().startsWith('es') ? 'es' : 'en';
}

export const langStore = createStore<Lang>(initialLang());

export function setLang(lang: Lang): void {
  try {
    localStorage.setItem(storageKey, lang);
  } catch {
    // Not persisted, but the switch still works for this visit.
  }
  langStore.set(lang);
}

function applyToDocument(lang: Lang): void {
  document.documentElement.lang = lang;
}
applyToDocument(langStore.get());
langStore.subscribe(applyToDocument);

export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const text = catalogs[lang][key] ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function hasKey(key: string): key is MessageKey {
  return key in en;
}

const dateFormats = new Map<Lang, Intl.DateTimeFormat>();

export function formatDateTime(lang: Lang, iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let fmt = dateFormats.get(lang);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
    dateFormats.set(lang, fmt);
  }
  return fmt.format(date);
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function useI18n(): { lang: Lang; t: Translate; date: (iso: string) => string } {
  const lang = useStore(langStore);
  return {
    lang,
    t: (key, vars) => translate(lang, key, vars),
    date: (iso) => formatDateTime(lang, iso),
  };
}
