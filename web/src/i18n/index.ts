import { DASHBOARD_LANG_COOKIE, dashboardLang, type SmsLanguage, smsLanguages } from '@shared/sms';
import { type ComponentChildren, createContext, h } from 'preact';
import { useContext } from 'preact/hooks';
import { createStore, useStore } from '../store';
import type { Catalog, MessageKey } from './en';

/** The dashboard is written in the languages every SMS text is. */
export type Lang = SmsLanguage;
export const langs = smsLanguages;
export type { MessageKey };

/**
 * Each language's words are a file of their own, fetched only for a reader of that language: together
 * they were half of what a phone downloaded before the dashboard could draw. The server names the
 * reader's file in the page it sends (server/plugins/web-html.ts), so it comes beside the code.
 */
const loaders: Record<Lang, () => Promise<Catalog>> = {
  en: () => import('./en').then((m) => m.en),
  es: () => import('./es').then((m) => m.es),
};
const catalogs: Partial<Record<Lang, Catalog>> = {};

export async function loadCatalog(lang: Lang): Promise<void> {
  catalogs[lang] ??= await loaders[lang]();
}

const storageKey = 'bv.lang';

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(storageKey);
    const known = langs.find((l) => l === saved);
    if (known) return known;
  } catch {
    // Private browsing can refuse storage; the browser's language still applies.
  }
  return dashboardLang(navigator.language);
}

export const langStore = createStore<Lang>(initialLang());

/** Mirrors the chosen language for the server, which preloads that language's words with the page. */
function rememberForServer(lang: Lang): void {
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from older phones' browsers; the value is one of two fixed codes.
  document.cookie = `${DASHBOARD_LANG_COOKIE}=${lang}; Path=/; Max-Age=31536000; SameSite=Lax`;
}

/** Shows the dashboard in `lang` once its words are here (at once when they already are). */
export async function showIn(lang: Lang): Promise<void> {
  await loadCatalog(lang);
  langStore.set(lang);
}

/**
 * The reader's choice: kept for later visits, and shown as soon as its words arrive. If they cannot
 * come (no connection, and not yet kept for offline use), the page stays as it is; the choice holds
 * for the next visit.
 */
export function setLang(lang: Lang): Promise<void> {
  try {
    localStorage.setItem(storageKey, lang);
  } catch {
    // Not persisted, but the switch still works for this visit.
  }
  rememberForServer(lang);
  return showIn(lang).catch(() => undefined);
}

/** Before the first render: the reader's language loaded, and the server told of it for next time. */
export async function startI18n(): Promise<void> {
  const lang = langStore.get();
  rememberForServer(lang);
  try {
    await loadCatalog(lang);
  } catch {
    // Its file did not come (a link lost mid-load): the other language is better than no words at all.
    const other = langs.find((l) => l !== lang) ?? 'en';
    await loadCatalog(other);
    langStore.set(other);
  }
}

function applyToDocument(lang: Lang): void {
  document.documentElement.lang = lang;
}
applyToDocument(langStore.get());
langStore.subscribe(applyToDocument);

/** A message with `{name}` slots, split once into its text and slot names (even: text; odd: a name). */
const templates = new Map<string, string[]>();

export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const text = (catalogs[lang] ?? catalogs.en ?? catalogs.es)?.[key] ?? key;
  if (!vars) return text;
  let parts = templates.get(text);
  if (!parts) {
    parts = text.split(/\{(\w+)\}/);
    templates.set(text, parts);
  }
  let out = parts[0] ?? '';
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] as string;
    out += (name in vars ? String(vars[name]) : `{${name}}`) + (parts[i + 1] ?? '');
  }
  return out;
}

export function hasKey(key: string): key is MessageKey {
  const loaded = catalogs.en ?? catalogs.es;
  return loaded !== undefined && key in loaded;
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

export interface I18n {
  lang: Lang;
  t: Translate;
  date: (iso: string) => string;
}

/** One set per language, shared by every reader: a board of 500 cards asks some 5,000 times. */
const tools = new Map<Lang, I18n>();

export function useI18n(): I18n {
  const lang = useContext(LangContext);
  let set = tools.get(lang);
  if (!set) {
    set = {
      lang,
      t: (key, vars) => translate(lang, key, vars),
      date: (iso) => formatDateTime(lang, iso),
    };
    tools.set(lang, set);
  }
  return set;
}
