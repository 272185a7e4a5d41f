import type { DbOrTx } from '../../../db/client';
import type { SmsKind, SmsLanguage } from '../../../db/schema';
import type { CommandContext } from '../../lib/commands';
import { type KeywordWord, keywordWords, normalizeKeywordText } from './sms.text';
import { renderSmsText } from './sms.texts';

/** Who texted in, as the module that knows the number says. */
export interface Sender {
  phone: string;
  kind: 'volunteer' | 'user' | 'medical' | 'host' | 'unknown';
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
  /** Every word of the message, the keyword first, with where each ends in `raw`. */
  words: KeywordWord[];
  /** Questions other than offers that a YES or NO may answer (a request to host), by code. */
  replyTargets: readonly ReplyTarget[];
}

/**
 * A question other than a dispatch offer that YES/NO can answer: one reply router decides what a
 * `YES <code>` answers, and codes are unique across every domain's open questions.
 */
export interface ReplyTarget {
  name: string;
  /** The sender's question with this code, or, without a code, their only open one; else null. */
  find(ctx: KeywordContext, code: string | null): { answer(yes: boolean): KeywordReply } | null;
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
  /**
   * The same words as volunteers write them in Portuguese and Haitian Creole. The texts exist in English
   * and Spanish only, so these leave the reply in the sender's own language.
   */
  pt?: readonly string[];
  ht?: readonly string[];
  /** Whether a number nobody registered may use it (opt-out and help); others get the help text. */
  anyone?: boolean;
  handle(ctx: KeywordContext): KeywordReply | null;
  /**
   * Asked about a text from a known sender that starts with no keyword at all ("ok", "claro", "👍"):
   * a reply other than the help text, or null to pass. Never an answer on the sender's behalf.
   */
  unclear?(ctx: KeywordContext): KeywordReply | null;
  /**
   * Whether the keyword is meant for this sender. From anyone else the text is first read as naming no
   * keyword, so a volunteer's "OK" to an offer is not taken for a medic's acknowledgement.
   */
  accepts?(ctx: KeywordContext): boolean;
}

export type SenderLookup = (db: DbOrTx, phone: string) => Sender | null;

export interface KeywordMatch {
  spec: KeywordSpec;
  keyword: string;
  lang: SmsLanguage | null;
  args: string[];
  words: KeywordWord[];
}

/** "SIII" and "yesss" are SI and YES; a doubled final letter is kept too ("STOPALL"). */
function unstretched(word: string): string[] {
  const run = /(\p{L})\1+$/u.exec(word);
  if (!run) return [];
  const stem = word.slice(0, run.index);
  return [stem + run[1], stem + run[1]!.repeat(2)];
}

/** Modules register the keywords they answer; the router picks one by the message's first word. */
export class KeywordRouter {
  private readonly byKeyword = new Map<string, { spec: KeywordSpec; lang: SmsLanguage | null }>();
  private readonly lookups: SenderLookup[] = [];
  private readonly unclearSpecs: KeywordSpec[] = [];
  private readonly targets: ReplyTarget[] = [];

  addReplyTarget(target: ReplyTarget): void {
    this.targets.push(target);
  }

  register(spec: KeywordSpec): void {
    const both = new Set(spec.en.filter((k) => spec.es.includes(k)));
    if (spec.unclear) this.unclearSpecs.push(spec);
    for (const [list, lang] of [
      [spec.en, 'en'],
      [spec.es, 'es'],
      [spec.pt ?? [], null],
      [spec.ht ?? [], null],
    ] as const) {
      for (const raw of list) {
        const keyword = normalizeKeywordText(raw);
        const existing = this.byKeyword.get(keyword);
        if (existing && existing.spec !== spec) throw new Error(`SMS keyword ${keyword} registered twice`);
        const known = existing?.spec === spec && existing.lang !== lang ? null : lang;
        this.byKeyword.set(keyword, { spec, lang: both.has(raw) ? null : known });
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

  /**
   * The first word decides, read tolerantly: accents, case, punctuation and emoji around it don't count,
   * a stretched last letter is one ("SIII"), and digits glued on are the next word ("YES4821").
   */
  match(text: string): KeywordMatch | null {
    const words = keywordWords(text);
    const first = words[0];
    if (!first) return null;
    for (const keyword of [first.word, ...unstretched(first.word)]) {
      const found = this.byKeyword.get(keyword);
      if (found)
        return {
          spec: found.spec,
          keyword,
          lang: found.lang,
          args: words.slice(1).map((w) => w.word),
          words,
        };
    }
    const glued = /^(\p{L}+)(\d+)$/u.exec(first.word);
    const found = glued ? this.byKeyword.get(glued[1]!) : undefined;
    if (!glued || !found) return null;
    const split = [
      { word: glued[1]!, end: first.end },
      { word: glued[2]!, end: first.end },
      ...words.slice(1),
    ];
    return {
      spec: found.spec,
      keyword: glued[1]!,
      lang: found.lang,
      args: split.slice(1).map((w) => w.word),
      words: split,
    };
  }

  /**
   * The reply to a text: its keyword's handler's; else, for a known sender, the first module with something
   * better than the help text to say about a text naming no keyword; else the help text.
   */
  answer(base: Pick<KeywordContext, 'cmd' | 'sender' | 'lang' | 'raw'>, match: KeywordMatch | null) {
    const { sender, lang } = base;
    if (match && (sender.kind !== 'unknown' || match.spec.anyone)) {
      const ctx = {
        ...base,
        keyword: match.keyword,
        args: match.args,
        words: match.words,
        replyTargets: this.targets,
      };
      if (match.spec.accepts?.(ctx) === false) return this.unclear(base) ?? match.spec.handle(ctx);
      return match.spec.handle(ctx);
    }
    return (
      (!match && sender.kind !== 'unknown' && this.unclear(base)) || { text: renderSmsText('help', lang) }
    );
  }

  private unclear(base: Pick<KeywordContext, 'cmd' | 'sender' | 'lang' | 'raw'>): KeywordReply | null {
    const words = keywordWords(base.raw);
    const ctx: KeywordContext = {
      ...base,
      keyword: '',
      args: words.map((w) => w.word),
      words,
      replyTargets: this.targets,
    };
    for (const spec of this.unclearSpecs) {
      const reply = spec.unclear?.(ctx);
      if (reply) return reply;
    }
    return null;
  }
}
