import fs from 'node:fs';
import type { FastifyRequest } from 'fastify';
import { type SmsLanguage, smsLanguages } from '../../shared';

/** The dashboard's language as the reader last chose it (web/src/i18n writes it beside localStorage). */
export const LANG_COOKIE = 'bv_lang';

/**
 * What the overview asks for first (web/src/api: the session, the board, its dispatches), fetched by
 * the browser while the dashboard's code is still on its way: on a slow phone link that saves a round
 * trip. The URLs must match the dashboard's requests exactly, or the browser fetches them twice.
 */
const HOME_PRELOADS = ['/api/auth/me', '/api/releases?status=open', '/api/dispatches?release=open'];

type CatalogFiles = Partial<Record<SmsLanguage, string>>;

/**
 * Which built file holds each language's words, from the build's manifest (web/vite.config.ts). An
 * unreadable manifest means no preload: the dashboard still fetches its words, one round trip later.
 */
export function readCatalogFiles(dist: string): CatalogFiles {
  try {
    const manifest = JSON.parse(fs.readFileSync(`${dist}/.vite/manifest.json`, 'utf8')) as Record<
      string,
      { file?: string }
    >;
    const files: CatalogFiles = {};
    for (const lang of smsLanguages) {
      const file = manifest[`src/i18n/${lang}.ts`]?.file;
      if (file && /^assets\/[\w.-]+\.js$/.test(file)) files[lang] = `/${file}`;
    }
    return files;
  } catch {
    return {};
  }
}

/** The language the dashboard will open in: the reader's saved choice, else the browser's first language. */
export function readerLang(request: FastifyRequest): SmsLanguage {
  const saved = smsLanguages.find((l) => l === request.cookies[LANG_COOKIE]);
  if (saved) return saved;
  const first = request.headers['accept-language']?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('es') ? 'es' : 'en';
}

export interface PageOptions {
  lang: SmsLanguage;
  catalogs: CatalogFiles;
  /** For a signed-in overview: the newest event as the page is written, and the board's reads. */
  home?: { liveSince: number };
}

/**
 * index.html as this reader gets it: in their language, with that language's words fetched beside the
 * code, and on the overview the board's reads too. Every read the page makes comes after the page is
 * written, so its live feed can replay from `liveSince` (web/src/live.ts) instead of fetching again.
 */
export function pageHtml(html: string, { lang, catalogs, home }: PageOptions): string {
  const head: string[] = [];
  const catalog = catalogs[lang];
  if (catalog) head.push(`<link rel="modulepreload" crossorigin href="${catalog}">`);
  if (home) {
    head.push(`<meta name="bv-live-since" content="${home.liveSince}">`);
    for (const href of HOME_PRELOADS) head.push(`<link rel="preload" as="fetch" crossorigin href="${href}">`);
  }
  const withLang = html.replace(/<html lang="[a-z]+">/, `<html lang="${lang}">`);
  return head.length === 0 ? withLang : withLang.replace('</title>', `</title>\n    ${head.join('\n    ')}`);
}
