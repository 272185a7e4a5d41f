import type { ComponentChildren } from 'preact';
import { type AuthUser, api, type Kit, type Shift, type StockLine } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { freeTonight, useHousingSites } from '../../components/HousingBits';
import { OnCallNow, PageStatusChip, useOnCall, useOpenPages } from '../../components/MedicalBits';
import { dateFromNow, formatTime } from '../../components/networkTime';
import { boardOrder, Headcount, useNow, useOpenReleases } from '../../components/ReleaseBits';
import { SUPPLY_EVENTS, useStock } from '../../components/SupplyBits';
import { useI18n } from '../../i18n';
import { useLiveResource } from '../../resource';
import { linkClick } from '../../router';

function Card({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <article class="card" aria-labelledby={`tonight-${id}`} data-testid={`tonight-${id}`}>
      <h2 id={`tonight-${id}`}>{title}</h2>
      {children}
    </article>
  );
}

/** The summary names the first few, in the board's order (unacknowledged first); the board holds them all. */
const RELEASES_SHOWN = 5;

function OpenReleases() {
  const { t } = useI18n();
  const releases = useOpenReleases();
  const all = releases.data?.items ?? [];
  const items = boardOrder(all).slice(0, RELEASES_SHOWN);
  const more = all.length - items.length;
  return (
    <Card id="releases" title={t('tonight.releases')}>
      <ErrorMessage error={releases.error} />
      {releases.data && all.length === 0 && <p class="empty">{t('tonight.noReleases')}</p>}
      <ul class="tonight-list">
        {items.map((r) => (
          <li key={r.id} data-release={r.id}>
            <a href={`/releases/${r.id}`} onClick={linkClick}>
              <strong>{r.code}</strong>
            </a>{' '}
            · {r.siteName}
            <Headcount adults={r.adults} children={r.children} />
            {r.needsOutstanding.length === 0 ? (
              <span class="hint">{t('tonight.allMet')}</span>
            ) : (
              <span>
                {t('tonight.outstanding')}: {r.needsOutstanding.map((n) => t(`need.${n}`)).join(', ')}
              </span>
            )}
          </li>
        ))}
      </ul>
      {more > 0 && (
        <a href="/releases" onClick={linkClick} data-testid="tonight-more-releases">
          {t(more === 1 ? 'tonight.moreReleases.one' : 'tonight.moreReleases.other', { n: more })}
        </a>
      )}
    </Card>
  );
}

function Beds() {
  const { t } = useI18n();
  const housing = useHousingSites();
  const sites = housing.data?.items.filter((s) => s.active) ?? [];
  return (
    <Card id="beds" title={t('tonight.beds')}>
      <ErrorMessage error={housing.error} />
      {housing.data && sites.length === 0 && <p class="empty">{t('tonight.noHousing')}</p>}
      {sites.length > 0 && (
        <>
          <p class="stat-value" data-testid="tonight-beds-free" data-free={freeTonight(sites)}>
            {freeTonight(sites)}
          </p>
          <ul class="tonight-list">
            {sites.map((s) => (
              <li key={s.id} data-site={s.id} data-free={Math.max(0, s.freeTonight)}>
                {s.name}: {Math.max(0, s.freeTonight)} / {s.beds}
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

interface SiteKits {
  siteName: string;
  lines: { kit: Kit; onHand: number; buildable: number; low: boolean }[];
}

/** Each site's kits: on hand now, how many more its stock could make, and whether it runs low. */
function kitsBySite(kits: readonly Kit[], stock: readonly StockLine[]): Map<number, SiteKits> {
  const sites = new Map<number, SiteKits>();
  const at = (siteId: number, siteName: string) => {
    const known = sites.get(siteId);
    if (known) return known;
    const fresh: SiteKits = { siteName, lines: [] };
    sites.set(siteId, fresh);
    return fresh;
  };
  for (const kit of kits) {
    if (!kit.active) continue;
    const siteIds = new Set([
      ...kit.buildable.map((b) => b.siteId),
      ...stock.filter((l) => l.itemId === kit.id).map((l) => l.siteId),
    ]);
    for (const siteId of siteIds) {
      const line = stock.find((l) => l.itemId === kit.id && l.siteId === siteId);
      const build = kit.buildable.find((b) => b.siteId === siteId);
      const name = line?.siteName ?? build?.siteName ?? '';
      at(siteId, name).lines.push({
        kit,
        onHand: line?.qty ?? 0,
        buildable: build?.count ?? 0,
        low: line?.low ?? false,
      });
    }
  }
  return sites;
}

function Kits() {
  const { t } = useI18n();
  const kits = useLiveResource(api.kits, [...SUPPLY_EVENTS, 'kit.']);
  const stock = useStock();
  const bySite = kitsBySite(kits.data?.items ?? [], stock.data?.items ?? []);
  return (
    <Card id="kits" title={t('tonight.kits')}>
      <ErrorMessage error={kits.error ?? stock.error} />
      {kits.data && bySite.size === 0 && <p class="empty">{t('tonight.noKits')}</p>}
      {[...bySite.entries()].map(([siteId, s]) => (
        <div key={siteId} data-site={siteId}>
          <h3 class="subhead">{s.siteName}</h3>
          <ul class="tonight-list">
            {s.lines.map((l) => (
              <li key={l.kit.id} data-kit={l.kit.id} data-low={l.low}>
                {t('tonight.kitLine', { name: l.kit.name, onHand: l.onHand, buildable: l.buildable })}
                {l.low && (
                  <>
                    {' '}
                    <span class="chip chip-warn">{t('tonight.low')}</span>
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </Card>
  );
}

function Volunteers() {
  const { t, lang } = useI18n();
  const now = useNow();
  const shifts = useLiveResource(() => api.shifts({ from: dateFromNow(-1), to: dateFromNow(1) }), ['shift.']);
  // Counts from the server: the overview never downloads the roster.
  const volunteers = useLiveResource(api.volunteerCounts, ['volunteer.', 'screening.', 'sms.opt']);
  const onNow = (shifts.data?.items ?? []).filter(
    (s: Shift) => Date.parse(s.startsAt) <= now && now < Date.parse(s.endsAt),
  );
  const available = volunteers.data?.available ?? 0;
  return (
    <Card id="volunteers" title={t('tonight.volunteers')}>
      <ErrorMessage error={shifts.error ?? volunteers.error} />
      <h3 class="subhead">{t('tonight.onShift')}</h3>
      {shifts.data && onNow.length === 0 && <p class="empty">{t('tonight.nobodyOnShift')}</p>}
      <ul class="tonight-list">
        {onNow.map((s) => (
          <li key={s.id} data-shift={s.id}>
            <strong>{s.siteName}</strong> · {formatTime(lang, s.startsAt)}–{formatTime(lang, s.endsAt)}
            {s.signups.length > 0 && `: ${s.signups.map((v) => v.name).join(', ')}`}
          </li>
        ))}
      </ul>
      {volunteers.data && (
        <p data-testid="tonight-available" data-n={available}>
          {t('tonight.available', { n: available })}
        </p>
      )}
    </Card>
  );
}

function Medical({ user }: { user: AuthUser }) {
  const { t } = useI18n();
  const oncall = useOnCall();
  const pages = useOpenPages(user);
  const open = pages.data?.items ?? [];
  return (
    <Card id="medical" title={t('tonight.medical')}>
      <ErrorMessage error={oncall.error} />
      <OnCallNow oncall={oncall.data} />
      {open.length > 0 && (
        <>
          <h3 class="subhead">{t('tonight.pages')}</h3>
          <ul class="tonight-list" data-testid="tonight-pages">
            {open.map((p) => (
              <li key={p.id} data-page={p.id}>
                <PageStatusChip status={p.status} /> {p.reason}
                {p.releaseId && p.releaseCode && (
                  <>
                    {' · '}
                    <a href={`/releases/${p.releaseId}`} onClick={linkClick}>
                      {p.releaseCode}
                    </a>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

/** The coordinator's one glance at tonight, live, readable on a phone. */
export function Tonight({ user }: { user: AuthUser }) {
  const { t } = useI18n();
  return (
    <section aria-label={t('tonight.title')} class="tonight" data-testid="tonight">
      <div class="grid">
        <OpenReleases />
        <Medical user={user} />
        <Beds />
        <Kits />
        <Volunteers />
      </div>
    </section>
  );
}
