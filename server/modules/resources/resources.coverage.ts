import { cleanLanguages } from '../../../shared/languages';
import { COVERAGE_DAYS } from '../../../shared/resources';
import type { Core } from '../../deps';
import { DAY } from '../../lib/clock';
import { toIso } from '../../lib/time';
import type { ResourcesPorts } from './resources.ports';
import { allVersions, listResources } from './resources.repo';
import type { Coverage } from './resources.schemas';

/**
 * Which sheets lack which of the languages the network's releases needed over the last COVERAGE_DAYS:
 * the languages counted by release (a group speaking K'iche' and Spanish counts once for each), a sheet
 * counting as covering a language only with a version in that very language, not a fallback.
 */
export function coverageReport(core: Core, releases: ResourcesPorts['releases']): Coverage {
  const now = core.clock.now();
  const since = new Date(now.getTime() - COVERAGE_DAYS * DAY);
  const counts = new Map<string, number>();
  let total = 0;
  for (const { release } of releases.forReports()) {
    const at = release.releasedAt ?? release.reportedAt ?? release.createdAt;
    if (at < since || at > now) continue;
    total += 1;
    for (const language of cleanLanguages(release.languages))
      counts.set(language, (counts.get(language) ?? 0) + 1);
  }
  const languages = [...counts]
    .map(([language, n]) => ({ language, releases: n }))
    .sort((a, b) => b.releases - a.releases || a.language.localeCompare(b.language));
  const has = new Map<number, Set<string>>();
  for (const v of allVersions(core.db)) {
    const set = has.get(v.resourceId) ?? new Set<string>();
    set.add(v.language.toLowerCase());
    has.set(v.resourceId, set);
  }
  const resources = listResources(core.db).map((r) => ({
    id: r.id,
    title: r.title,
    tags: r.tags,
    missing: languages.filter((l) => !has.get(r.id)?.has(l.language.toLowerCase())),
  }));
  return {
    days: COVERAGE_DAYS,
    since: toIso(since, core.config.NETWORK_TZ),
    releases: total,
    languages,
    resources,
  };
}
