/** Languages compare case-insensitively; codes are stored lower-case, names as written. */
export function cleanLanguages(languages: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of languages) {
    const value = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(raw) ? raw.toLowerCase() : raw;
    if (!seen.has(value.toLowerCase())) {
      seen.add(value.toLowerCase());
      out.push(value);
    }
  }
  return out;
}
