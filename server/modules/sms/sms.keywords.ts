import type { DbOrTx } from '../../../db/client';
import type { SmsKind, SmsLanguage } from '../../../db/schema';
import type { CommandContext } from '../../lib/commands';
import { normalizeKeywordText } from './sms.text';

/** Who texted in, as the module that knows the number says. */
export interface Sender {
  phone: string;
  kind: 'volunteer' | 'user' | 'medical' | 'unknown';
  id: number | null;
  language: SmsLanguage | null;
  /** For a friendly reply ("Thanks, Ana"); never sent to anyone else. */
  name?: string;
}

export interface KeywordContext {
  cmd: CommandContext;
  sender: Sender;
  /** The words after the keyword, normalised (upper case, no accents). */
  args: string[];
  /** The reply language: the keyword's, else the sender's, else English. */
  lang: SmsLanguage;
  keyword: string;
  /** The message as it was written, for words worth keeping (an ETA note). */
  raw: string;
}

export interface KeywordReply {
  text: string;
  kind?: SmsKind;
}

export interface KeywordSpec {
  /** The module that answers, for the log. */
  name: string;
  en: readonly string[];
  es: readonly string[];
  /** Whether a number nobody registered may use it (opt-out and help); others get the help text. */
  anyone?: boolean;
  handle(ctx: KeywordContext): KeywordReply | null;
}

export type SenderLookup = (db: DbOrTx, phone: string) => Sender | null;

export interface KeywordMatch {
  spec: KeywordSpec;
  keyword: string;
  lang: SmsLanguage | null;
  args: string[];
}

/** Modules register the keywords they answer; the router picks one by the message's first word. */
export class KeywordRouter {
  private readonly byKeyword = new Map<string, { spec: KeywordSpec; lang: SmsLanguage | null }>();
  private readonly lookups: SenderLookup[] = [];

  register(spec: KeywordSpec): void {
    const both = new Set(spec.en.filter((k) => spec.es.includes(k)));
    for (const [list, lang] of [
      [spec.en, 'en'],
      [spec.es, 'es'],
    ] as const) {
      for (const raw of list) {
        const keyword = normalizeKeywordText(raw);
        const existing = this.byKeyword.get(keyword);
        if (existing && existing.spec !== spec) throw new Error(`SMS keyword ${keyword} registered twice`);
        this.byKeyword.set(keyword, { spec, lang: both.has(raw) ? null : lang });
      }
    }
  }

  addSenderLookup(lookup: SenderLookup): void {
    this.lookups.push(lookup);
  }

  identify(db: DbOrTx, phone: string): Sender {
    for (const lookup of this.lookups) {
      const found = lookup(db, phone);
      if (found) return found;
    }
    return { phone, kind: 'unknown', id: null, language: null };
  }

  match(text: string): KeywordMatch | null {
    const words = normalizeKeywordText(text).split(' ').filter(Boolean);
    const [first, ...args] = words;
    if (!first) return null;
    const found = this.byKeyword.get(first);
    return found ? { spec: found.spec, keyword: first, lang: found.lang, args } : null;
  }
}
