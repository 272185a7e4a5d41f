import { SegmentedMessage } from 'sms-segments-calculator';

/** Accents, case and extra spaces don't matter in a keyword: "  sí " is "SI". */
export function normalizeKeywordText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** One word of a text as the keyword router reads it, and where it stood in the text as written. */
export interface KeywordWord {
  word: string;
  end: number;
}

/** Around a word, punctuation, quotes and emoji are not part of it; a sign or a percent stays. */
const LEADING = /^[^\p{L}\p{N}+-]+/u;
const TRAILING = /[^\p{L}\p{M}\p{N}%]+$/u;
const FIRST_RUN = /^[\p{L}\p{M}\p{N}]+/u;

function fold(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toUpperCase();
}

/**
 * The words of a text, each folded as a keyword is: "Sí, llego en 15" reads SI LLEGO EN 15, "YES!!👍"
 * reads YES. Words are split at spaces; inside a later word punctuation stays ("2.5", "-1"), so numbers
 * are never misread, but the first word ends where its letters do ("si,voy" reads SI VOY).
 */
export function keywordWords(text: string): KeywordWord[] {
  const words: KeywordWord[] = [];
  for (const m of text.matchAll(/\S+/g)) {
    const lead = LEADING.exec(m[0])?.[0].length ?? 0;
    const chunk = m[0].slice(lead).replace(TRAILING, '');
    if (!chunk) continue;
    const end = m.index + lead + chunk.length;
    const run = words.length === 0 ? FIRST_RUN.exec(chunk)?.[0] : undefined;
    const rest = run ? chunk.slice(run.length).replace(LEADING, '') : '';
    if (run && rest) {
      words.push({ word: fold(run), end: m.index + lead + run.length });
      words.push({ word: fold(rest), end });
    } else {
      words.push({ word: fold(chunk), end });
    }
  }
  return words;
}

/** The text as written after its first `count` words, without the punctuation that followed them. */
export function textAfterWords(raw: string, words: readonly KeywordWord[], count: number): string {
  if (count <= 0) return raw.trim();
  const last = words[Math.min(count, words.length) - 1];
  return last
    ? raw
        .slice(last.end)
        .replace(/^[\s\p{P}\p{S}\p{M}\p{Cf}]+/u, '')
        .trim()
    : raw.trim();
}

export interface SegmentInfo {
  encoding: 'GSM-7' | 'UCS-2';
  segments: number;
}

/** What the carrier will bill: one á, í, ó or ú turns a message into UCS-2 (70 characters a part). */
export function segmentInfo(body: string): SegmentInfo {
  const m = new SegmentedMessage(body);
  return { encoding: m.encodingName === 'UCS-2' ? 'UCS-2' : 'GSM-7', segments: m.segmentsCount };
}
