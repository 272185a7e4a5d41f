import { DateTime } from 'luxon';
import type { StoredLeg } from '../../../db/schema';
import { driverWords, type PageWords, pageWords } from './travel.pages';
import type { TravellerView } from './travel.share';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** "Sat 7 Mar, 07:30 MST": the day and time at that stop, with its zone's short name. */
function at(ms: number, zone: string, words: PageWords): string {
  const local = DateTime.fromMillis(ms, { zone });
  const abbr = local.setLocale('en-US').toFormat('ZZZZ');
  return `${local.setLocale(words.locale).toFormat('ccc d LLL, HH:mm')} ${abbr}`;
}

function wait(ms: number, words: PageWords): string {
  const minutes = Math.round(ms / 60_000);
  return words.hours(Math.floor(minutes / 60), minutes % 60);
}

function legHtml(leg: StoredLeg, i: number, next: StoredLeg | undefined, w: PageWords): string {
  const change = next
    ? `<p class="transfer">${esc(w.transfer(wait(next.departsAt - leg.arrivesAt, w), leg.to))}</p>`
    : '';
  return `<li class="leg"><h3>${esc(w.leg(i + 1))} · ${esc(leg.carrier)}</h3>
<p><span class="label">${esc(w.departs)}</span> <strong>${esc(leg.from)}</strong><br><time>${esc(at(leg.departsAt, leg.fromZone, w))}</time></p>
<p><span class="label">${esc(w.arrives)}</span> <strong>${esc(leg.to)}</strong><br><time>${esc(at(leg.arrivesAt, leg.toZone, w))}</time></p>
</li>${change}`;
}

function driverBox(v: TravellerView, w: PageWords): string {
  const d = driverWords;
  const lines = v.legs.map(
    (leg) =>
      `<li>${esc(leg.carrier)}: ${esc(leg.from)} → ${esc(leg.to)}, ${esc(at(leg.departsAt, leg.fromZone, d))}</li>`,
  );
  const extra = [
    esc(d.travellers(v.people)),
    v.seats ? `${esc(d.seats)}: ${esc(v.seats)}` : '',
    v.confirmation ? `${esc(d.booking)}: <strong class="code">${esc(v.confirmation)}</strong>` : '',
  ].filter(Boolean);
  return `<section class="driver" lang="en"><h2 lang="${esc(w.locale)}">${esc(w.showDriver)}</h2>
<p>${extra.join(' · ')}</p><ul>${lines.join('')}</ul></section>`;
}

const STYLE = `body{font:18px/1.45 system-ui,sans-serif;margin:0;padding:16px;max-width:40rem;color:#111;background:#fff}
h1{font-size:1.5rem;margin:0 0 4px}h2{font-size:1.15rem}h3{font-size:1rem;margin:0 0 6px}
ol{list-style:none;padding:0;margin:0}.leg{border:2px solid #333;border-radius:8px;padding:10px 12px;margin:10px 0}
.leg p{margin:4px 0}.label{display:inline-block;min-width:4.5em;color:#444}time{font-weight:600}
.transfer{background:#fff3c4;border-left:6px solid #d19a00;padding:8px 10px;margin:0}
.driver{border:3px solid #0b5;border-radius:8px;padding:10px 12px;margin:16px 0}.code{font-size:1.3rem;letter-spacing:.08em}
.help{font-size:1.2rem}.help a{font-weight:700}.qr{display:none}.small{color:#555;font-size:.9rem}
@media print{body{font-size:12pt;max-width:none;padding:0}.leg,.driver{break-inside:avoid}
.qr{display:block;width:38mm;height:38mm;float:right;margin:0 0 8px 8px}.qr svg{width:100%;height:100%}
a{color:#000;text-decoration:none}@page{margin:14mm}}`;

function shell(lang: string, title: string, body: string): string {
  return `<!doctype html><html lang="${esc(lang)}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">
<title>${esc(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

/** The traveller's page: a phone page that prints as a sheet (with the QR code to open it again). */
export function travellerPage(v: TravellerView, qrSvg: string): string {
  const w = pageWords[v.language];
  const legs = v.legs.map((leg, i) => legHtml(leg, i, v.legs[i + 1], w)).join('');
  const help = v.helpPhone
    ? `<p class="help">${esc(w.help)} <a href="tel:${esc(v.helpPhone.replace(/[^+\d]/g, ''))}">${esc(v.helpPhone)}</a></p>`
    : `<p class="help">${esc(w.helpNone)}</p>`;
  const body = `<main><div class="qr" aria-hidden="true">${qrSvg}</div>
<h1>${esc(w.tripTo)} ${esc(v.destination)}</h1><p>${esc(w.travellers(v.people))}</p>
${help}<p class="small">${esc(w.localTime)}</p><ol>${legs}</ol>${driverBox(v, w)}
<p class="small">${esc(w.expires)}</p></main>`;
  return shell(w.locale, `${w.title}: ${v.destination}`, body);
}

/** One page for every link that does not open, whatever the reason, so none can be told apart. */
export function gonePage(): string {
  const en = pageWords.en;
  const es = pageWords.es;
  return shell(
    'es',
    `${es.goneTitle} / ${en.goneTitle}`,
    `<main><h1>${esc(es.goneTitle)}</h1><p>${esc(es.gone)}</p><h1 lang="en">${esc(en.goneTitle)}</h1><p lang="en">${esc(en.gone)}</p></main>`,
  );
}
