/** Digits after the point in a currency's minor unit (2 for USD, 0 for JPY). */
export function minorDigits(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

/** "250.00 USD": plain GSM-7 for a text, whatever the currency's symbol. */
export function plainAmount(cents: number, currency: string): string {
  const digits = minorDigits(currency);
  return `${(cents / 10 ** digits).toFixed(digits)} ${currency}`;
}
