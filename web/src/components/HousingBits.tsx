import type { HousingKind, HousingMisfit } from '@shared/housing';
import { type ApiError, api, type HousingSite } from '../api';
import { hasKey, type Lang, type Translate, useI18n } from '../i18n';
import { useLiveResource } from '../resource';
import { formatDay } from './networkTime';
import { releaseLanguageName } from './ReleaseBits';

/** Every event that can change how many beds are taken or how many there are. */
export const HOUSING_EVENTS = ['housing_site.', 'stay.'] as const;

export function housingKindName(t: Translate, kind: HousingKind): string {
  return t(`housingKind.${kind}`);
}

/** Misfit words come from shared/ but the server may add one before the dashboard knows it. */
export function misfitName(t: Translate, misfit: HousingMisfit): string {
  const key = `housingMisfit.${misfit}`;
  return hasKey(key) ? t(key) : misfit.replace(/_/g, ' ');
}

/**
 * The server words a suggestion's reasons in English ("3 of 12 beds free · family-friendly · speaks es");
 * each part it can write reads in the dashboard's language, anything else as written.
 */
export function housingReasonText(t: Translate, lang: Lang, why: string): string {
  return why
    .split(' · ')
    .map((part) => {
      const beds = /^(\d+) of (\d+) beds free$/.exec(part);
      if (beds) return t('housing.bedsFreeOf', { free: beds[1] ?? '', beds: beds[2] ?? '' });
      if (part === 'family-friendly') return t('housing.familyFriendly');
      if (part === 'accessible') return t('housing.accessible');
      const speaks = /^speaks (.+)$/.exec(part);
      if (speaks?.[1]) return t('dispatch.speaks', { language: releaseLanguageName(lang, speaks[1]) });
      return part;
    })
    .join(' · ');
}

/** Housing sites, refetched whenever a site changes or a stay takes or frees beds. */
export function useHousingSites() {
  return useLiveResource(api.housingSites, HOUSING_EVENTS);
}

/** Beds free tonight over the sites taking guests. */
export function freeTonight(sites: readonly HousingSite[]): number {
  return sites.filter((s) => s.active).reduce((n, s) => n + Math.max(0, s.freeTonight), 0);
}

export function BedsFreeTonight({ sites }: { sites: readonly HousingSite[] | undefined }) {
  const { t } = useI18n();
  if (!sites || sites.length === 0) return null;
  const n = freeTonight(sites);
  return (
    <p class={`beds-free${n === 0 ? ' beds-free-none' : ''}`} data-testid="beds-free" data-free={n}>
      {t(n === 1 ? 'housing.freeTonight.one' : 'housing.freeTonight.other', { n })}
    </p>
  );
}

/**
 * A refused placement names its nights in English ("2026-12-01: 0 of 10 beds free"); each reads in the
 * dashboard's language at the field it belongs to, every night of it, not just the first.
 */
export function stayFieldErrors(t: Translate, lang: Lang, error: ApiError | null): Record<string, string> {
  const out: Record<string, string[]> = {};
  for (const d of error?.details ?? []) {
    const field = d.path.replace(/^body\./, '').split('.')[0] ?? '';
    if (!field) continue;
    out[field] = [...(out[field] ?? []), detailText(t, lang, d.message)];
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.join('; ')]));
}

function detailText(t: Translate, lang: Lang, message: string): string {
  const full = /^(\d{4}-\d{2}-\d{2}): (\d+) of (\d+) beds free$/.exec(message);
  if (full?.[1])
    return t('housing.nightFull', {
      night: formatDay(lang, full[1]),
      free: full[2] ?? '',
      beds: full[3] ?? '',
    });
  const closed = /^(\d{4}-\d{2}-\d{2}): (\w+)$/.exec(message);
  if (closed?.[1] && closed[2]) {
    const key = `housingMisfit.${closed[2]}`;
    return `${formatDay(lang, closed[1])}: ${hasKey(key) ? t(key) : closed[2]}`;
  }
  const more = /^at most (\d+) more on (\d{4}-\d{2}-\d{2})$/.exec(message);
  if (more?.[2]) return t('housing.atMostMore', { n: more[1] ?? '', night: formatDay(lang, more[2]) });
  if (message === 'must be tonight or later') return t('housing.notPast');
  return message;
}
