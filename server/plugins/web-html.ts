import fs from 'node:fs';
import type { FastifyRequest } from 'fastify';
import {
  DASHBOARD_LANG_COOKIE,
  dashboardLang,
  OVERVIEW_READS,
  type SmsLanguage,
  smsLanguages,
} from '../../shared';
import { firstAcceptedLanguage } from '../lib/params';

/** Fetched by the browser while the dashboard's code is on its way: on a slow link, a round trip saved. */
const HOME_PRELOADS = Object.values(OVERVIEW_READS);

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
  const saved = smsLanguages.find((l) => l === request.cookies[DASHBOARD_LANG_COOKIE]);
  return saved ?? dashboardLang(firstAcceptedLanguage(request.headers['accept-language']));
}

/**
 * index.html as each language's reader gets it, written once at start: in that language, with that
 * language's words fetched beside the code.
 */
export function readerPages(dist: string): Record<SmsLanguage, string> {
  const html = fs.readFileSync(`${dist}/index.html`, 'utf8');
  const catalogs = readCatalogFiles(dist);
  const page = (lang: SmsLanguage) => {
    const catalog = catalogs[lang];
    const inLang = html.replace(/<html lang="[a-z]+">/, `<html lang="${lang}">`);
    return catalog
      ? inLang.replace('</title>', `</title>\n    <link rel="modulepreload" crossorigin href="${catalog}">`)
      : inLang;
  };
  return { en: page('en'), es: page('es') };
}

/**
 * A signed-in overview's page: the board's reads fetched beside the code, and the newest event as the
 * page is written. Every read the page makes comes later, so its live feed can replay from there
 * (web/src/live.ts) instead of fetching again.
 */
export function withHomeReads(page: string, liveSince: number): string {
  const head = [
    `<meta name="bv-live-since" content="${liveSince}">`,
    ...HOME_PRELOADS.map((href) => `<link rel="preload" as="fetch" crossorigin href="${href}">`),
  ];
  return page.replace('</title>', `</title>\n    ${head.join('\n    ')}`);
}
