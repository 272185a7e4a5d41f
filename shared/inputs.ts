/** Limits every input meets, whatever the field: the server checks them once for all routes. */

/** Dates outside these years are typing mistakes (0026 for 2026) or probes, never a real event. */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

/** Whether a text holds what no typed text needs: NUL and other C0 controls (tab and line breaks excepted), DEL. */
export function hasControlChars(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}
/**
 * Bidirectional embeddings, overrides and isolates: they make a name read differently from what it
 * holds ("Trojan Source"). The marks LRM and RLM stay allowed: right-to-left text needs them.
 */
export const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;

/** Ids are positive decimal integers written plainly: no 0x1, 1e0, +1, 01 or spaces. */
export const ID_PATTERN = /^[1-9]\d{0,14}$/;
