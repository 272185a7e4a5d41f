import type { Lang } from '../i18n';

const formats = new Map<string, Intl.NumberFormat>();

function format(lang: Lang, currency: string): Intl.NumberFormat {
  const key = `${lang}:${currency}`;
  let fmt = formats.get(key);
  if (!fmt) {
    fmt = new Intl.NumberFormat(lang, { style: 'currency', currency });
    formats.set(key, fmt);
  }
  return fmt;
}

/** Digits of the currency's minor unit: amounts travel as whole minor units ("cents"). */
export function minorDigits(currency: string): number {
  return format('en', currency).resolvedOptions().maximumFractionDigits ?? 2;
}

/** "$1,250.00" / "1250,00 US$", from cents. */
export function formatMoney(lang: Lang, cents: number, currency: string): string {
  return format(lang, currency).format(cents / 10 ** minorDigits(currency));
}

/** What a person typed ("45", "45.50", "45,50", "$1,200") as cents; null when it is no amount. */
export function parseMoney(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const cleaned = text.replace(/[^\d.,]/g, '');
  if (!/\d/.test(cleaned)) return null;
  const at = Math.max(cleaned.lastIndexOf('.'), cleaned.lastIndexOf(','));
  const decimals = at >= 0 ? cleaned.length - at - 1 : 0;
  const normal =
    at >= 0 && decimals <= digits && decimals > 0
      ? `${cleaned.slice(0, at).replace(/[.,]/g, '')}.${cleaned.slice(at + 1)}`
      : cleaned.replace(/[.,]/g, '');
  const value = Math.round(Number(normal) * 10 ** digits);
  return Number.isFinite(value) ? value : null;
}
