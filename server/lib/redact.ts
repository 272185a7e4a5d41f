/** Keeps the country code and last two digits: enough to tell numbers apart in a log, not to dial. */
export function redactPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 6) return '***';
  return `+${digits.slice(0, digits.length > 10 ? digits.length - 10 : 1)}***${digits.slice(-2)}`;
}

/**
 * Hides the tokens of links carried in a text (screening links work without a login, so only the
 * recipient may ever see one whole).
 */
export function redactLinkTokens(text: string): string {
  return text.replace(/([?&#](?:t|token)=)[A-Za-z0-9_~.%-]+/g, '$1[hidden]');
}

/** Drops query values from a URL before it is logged (setup and screening links carry tokens). */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  const kept = [...params.keys()].map((k) => (k === 'since' ? `${k}=${params.get(k)}` : `${k}=[redacted]`));
  return `${url.slice(0, q)}?${kept.join('&')}`;
}

export const logRedactPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-twilio-signature"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.phone',
  '*.to',
  '*.from',
  '*.TWILIO_AUTH_TOKEN',
  '*.ADMIN_PASSWORD',
];
