import { languageEntry } from '../../../shared/language-codes';

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * A sheet's text as HTML: everything escaped, blank lines between paragraphs, lines starting "- " or
 * "* " as a list and "# " as a heading. Nothing a writer types can become markup or script.
 */
export function sheetHtml(text: string): string {
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n\s*\n/);
  return blocks
    .map((block) => block.trim())
    .filter((block) => block !== '')
    .map((block) => {
      const lines = block.split('\n').map((l) => l.trim());
      if (lines.every((l) => /^[-*] /.test(l))) {
        return `<ul>${lines.map((l) => `<li>${escapeHtml(l.slice(2))}</li>`).join('')}</ul>`;
      }
      if (lines.length === 1 && lines[0]!.startsWith('# '))
        return `<h2>${escapeHtml(lines[0]!.slice(2))}</h2>`;
      return `<p>${lines.map(escapeHtml).join('<br>')}</p>`;
    })
    .join('\n');
}

/** A language's own name for itself, so a reader finds theirs whatever language the page is in. */
export function nativeName(code: string): string {
  return languageEntry(code)?.native ?? code;
}

const WORDS = {
  en: { languages: 'Other languages', shownIn: 'Shown in', open: 'Open the PDF', notFound: 'Not found' },
  es: {
    languages: 'Otros idiomas',
    shownIn: 'Se muestra en',
    open: 'Abrir el PDF',
    notFound: 'No encontrado',
  },
} as const;

function words(lang: string) {
  return lang === 'es' ? WORDS.es : WORDS.en;
}

export interface PublicSheet {
  slug: string;
  title: string;
  wanted: string;
  served: string;
  languages: string[];
  kind: 'text' | 'file';
  body: string | null;
  mime: string | null;
}

/** The public page: the sheet in one language and links to every language it exists in. No script. */
export function sheetPage(sheet: PublicSheet): string {
  const w = words(sheet.served);
  const base = `/r/${encodeURIComponent(sheet.slug)}`;
  const link = (code: string) =>
    code === sheet.served
      ? `<li><strong lang="${escapeHtml(code)}">${escapeHtml(nativeName(code))}</strong></li>`
      : `<li><a lang="${escapeHtml(code)}" hreflang="${escapeHtml(code)}" href="${base}?lang=${encodeURIComponent(code)}">${escapeHtml(nativeName(code))}</a></li>`;
  const file = `${base}/file?lang=${encodeURIComponent(sheet.served)}`;
  const content =
    sheet.kind === 'text'
      ? sheetHtml(sheet.body ?? '')
      : sheet.mime === 'application/pdf'
        ? `<p><a class="button" href="${file}">${w.open}</a></p>`
        : `<img src="${file}" alt="${escapeHtml(sheet.title)}">`;
  return `<!doctype html>
<html lang="${escapeHtml(sheet.served)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<title>${escapeHtml(sheet.title)}</title>
<style>
body{font:18px/1.5 system-ui,sans-serif;max-width:40rem;margin:0 auto;padding:1rem;color:#1b1b1b}
h1{font-size:1.5rem;margin:.5rem 0 1rem}img{max-width:100%;height:auto}
nav ul{display:flex;flex-wrap:wrap;gap:.5rem 1rem;list-style:none;padding:0}
a{color:#0f5c4d}.button{display:inline-block;padding:.75rem 1rem;border:2px solid #0f5c4d;border-radius:.5rem}
footer{margin-top:2rem;border-top:1px solid #ccc;font-size:.9rem}
</style>
</head>
<body>
<main>
<h1>${escapeHtml(sheet.title)}</h1>
${sheet.wanted === sheet.served ? '' : `<p>${w.shownIn}: ${escapeHtml(nativeName(sheet.served))}</p>`}
${content}
</main>
<footer>
<nav aria-label="${w.languages}"><p>${w.languages}:</p><ul>${sheet.languages.map(link).join('')}</ul></nav>
</footer>
</body>
</html>
`;
}

export const NOT_FOUND_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><meta name="robots" content="noindex"><title>Not found · No encontrado</title></head>
<body><p>Not found · No encontrado</p></body></html>
`;
