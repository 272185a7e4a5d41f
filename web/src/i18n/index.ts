import { type SmsLanguage, smsLanguages } from '@shared/sms';
import { type ComponentChildren, createContext, h } from 'preact';
import { useContext } from 'preact/hooks';
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
/**
 * Instants already written, by language and ISO text. Formatting one costs a tenth of a millisecond or
 * more on a slow phone, and the board writes one per card at every tick of its clock: with hundreds of
 * cards open, that alone held the page for over 100 ms.
 */
const written = new Map<string, string>();
const WRITTEN_MAX = 5000;

export function formatDateTime(lang: Lang, iso: string): string {
  const key = `${lang} ${iso}`;
  const known = written.get(key);
  if (known !== undefined) return known;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let fmt = dateFormats.get(lang);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
    dateFormats.set(lang, fmt);
  }
  const text = fmt.format(date);
  if (written.size >= WRITTEN_MAX) written.clear();
  written.set(key, text);
  return text;
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

/**
 * The language, handed down the page by one subscriber (LangProvider) rather than each component
 * subscribing on its own: a board of 500 cards had some 4,000 subscriptions, each set up after the
 * first paint. Preact still draws every reader again when the language changes, a card that skips
 * redrawing (ReleaseBoard) included.
 */
const LangContext = createContext<Lang>(langStore.get());

export function LangProvider({ children }: { children: ComponentChildren }) {
  return h(LangContext.Provider, { value: useStore(langStore) }, children);
}

export function useI18n(): { lang: Lang; t: Translate; date: (iso: string) => string } {
  const lang = useContext(LangContext);
  return {
    lang,
    t: (key, vars) => translate(lang, key, vars),
    date: (iso) => formatDateTime(lang, iso),
  };
}
