/** Resource sheets: the words and limits the dashboard shares with the server, and the fallback order. */
import type { ReleaseNeed } from './releases';

export const resourceTags = ['health', 'legal', 'travel', 'local_services', 'housing', 'other'] as const;
export type ResourceTag = (typeof resourceTags)[number];

export const versionKinds = ['text', 'file'] as const;
export type VersionKind = (typeof versionKinds)[number];

/** What an uploaded file may be, told by its first bytes, never by its name. */
export const resourceMimes = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'] as const;
export type ResourceMime = (typeof resourceMimes)[number];

export const MAX_RESOURCE_TITLE = 120;
export const MAX_RESOURCE_BODY = 20_000;
export const MAX_RESOURCE_TAGS = resourceTags.length;
/** Files up to this size are kept on volunteers' phones for use without signal; larger ones need it. */
export const OFFLINE_FILE_MAX_BYTES = 1024 * 1024;
/** The coverage report looks at the languages releases needed over this many days. */
export const COVERAGE_DAYS = 90;

/** Sharing a sheet with this tag with a release meets that need of the release. */
export const NEED_FOR_TAG: Partial<Record<ResourceTag, ReleaseNeed>> = {
  health: 'covid_guidance',
  legal: 'legal_orientation',
};

/**
 * Where a reader of a language the sheet lacks is sent first: people who speak a Mayan or other
 * Indigenous language of Mexico and Central America were schooled, if at all, in Spanish; Haitian
 * Creole speakers often read French; Brazilians read Spanish more easily than English.
 */
const NEAR: Record<string, readonly string[]> = {
  ht: ['fr'],
  pt: ['es'],
  ps: ['fa'],
  ur: ['hi'],
  hi: ['ur', 'pa', 'ne'],
  pa: ['hi'],
  ne: ['hi'],
  ti: ['am'],
  am: ['ti'],
  ff: ['fr', 'wo'],
  wo: ['fr', 'ff'],
  ln: ['fr'],
};
const SPANISH_SCHOOLED = [
  'quc',
  'mam',
  'kjb',
  'cak',
  'ixl',
  'tzj',
  'ctu',
  'tzo',
  'tzh',
  'poh',
  'acr',
  'jac',
  'kek',
  'chj',
  'agu',
  'yua',
  'mix',
  'zap',
  'nah',
  'qu',
  'gn',
  'cab',
  'miq',
];
for (const code of SPANISH_SCHOOLED) NEAR[code] = ['es'];

function base(code: string): string {
  return code.toLowerCase().split('-')[0] ?? '';
}

/**
 * The version a reader asking for `wanted` gets, from the languages the sheet has: the same language
 * (es-MX finds es, es finds es-MX), then the languages the catalog says are near it, then Spanish, then
 * English, then whichever comes first alphabetically. Null only when the sheet has no version at all.
 */
export function closestLanguage(wanted: string, available: readonly string[]): string | null {
  if (available.length === 0) return null;
  const want = wanted.toLowerCase();
  const has = (code: string) => available.find((a) => a.toLowerCase() === code);
  const sameBase = (code: string) => available.find((a) => base(a) === base(code));
  const order = [want, ...(NEAR[base(want)] ?? []), 'es', 'en'];
  for (const code of order) {
    const found = has(code) ?? sameBase(code);
    if (found) return found;
  }
  return [...available].sort()[0] ?? null;
}

/** Whether a review-by date (YYYY-MM-DD) has passed on `today` (YYYY-MM-DD, the network's day). */
export function isStale(reviewBy: string | null, today: string): boolean {
  return reviewBy !== null && reviewBy < today;
}
