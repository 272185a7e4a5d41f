import { systemActor } from '../lib/commands';
import type { Services } from '../modules';
import { seedFund } from './fund';
import { seedMedical } from './medical';
import { seedResources } from './resources';
import { seedSupplies, warehouseId } from './supplies';
import { seedTravel } from './travel';

/** Fictional people on the 555-01xx numbers reserved for fiction. */
const DEMO_VOLUNTEERS = [
  {
    name: 'Ana Ruiz',
    phone: '+13035550101',
    languages: ['es', 'en'],
    skills: ['driver', 'interpreter'],
    smsLanguage: 'es',
  },
  {
    name: 'Ben Carter',
    phone: '+13035550102',
    languages: ['en'],
    skills: ['supply_runner'],
    smsLanguage: 'en',
  },
  {
    name: 'Carmen Tzul',
    phone: '+13035550103',
    languages: ['es', "K'iche'"],
    skills: ['interpreter'],
    smsLanguage: 'es',
  },
  {
    name: 'Dev Patel',
    phone: '+13035550104',
    languages: ['en', 'hi'],
    skills: ['medical'],
    smsLanguage: 'en',
  },
  {
    name: 'Elena Gómez',
    phone: '+13035550105',
    languages: ['es'],
    skills: ['housing_host'],
    smsLanguage: 'es',
    highRisk: true,
  },
  {
    name: 'Frank Osei',
    phone: '+13035550106',
    languages: ['en', 'fr'],
    skills: ['driver', 'hotline'],
    smsLanguage: 'en',
  },
] as const;

/** DEMO=1 on an empty database: a small network to try everything with. Each capability adds its part. */
export function seedDemo(services: Services, now: Date = new Date()): boolean {
  if (services.sites.list().length > 0) return false;
  const actor = { ...systemActor, label: 'demo' };
  const station = services.sites.create(actor, {
    name: 'Greyhound station',
    kind: 'bus_station',
    address: '1055 19th St, Denver',
    smsKeyword: 'GREY',
  });
  const airport = services.sites.create(actor, {
    name: 'Airport arrivals',
    kind: 'airport',
    smsKeyword: 'AIR',
  });
  const aurora = services.sites.create(actor, {
    name: 'Aurora processing center',
    kind: 'detention_center',
    smsKeyword: 'AURORA',
  });
  services.sites.create(actor, { name: 'Church warehouse', kind: 'warehouse', address: '2nd Ave & Elm' });

  const people = DEMO_VOLUNTEERS.map((v) =>
    services.volunteers.create(actor, {
      ...v,
      languages: [...v.languages],
      skills: [...v.skills],
      highRisk: 'highRisk' in v ? v.highRisk : false,
      active: true,
    }),
  );
  for (let weekday = 1; weekday <= 7; weekday += 1) {
    services.shifts.templates.create(actor, {
      siteId: station.id,
      weekday,
      startTime: '18:00',
      endTime: '23:00',
      needed: 2,
    });
  }
  services.shifts.templates.create(actor, {
    siteId: airport.id,
    weekday: 6,
    startTime: '09:00',
    endTime: '13:00',
    needed: 1,
  });

  // A few signups on the first week, leaving gaps to fill.
  const week = services.shifts.coverage(undefined, 7).days.flatMap((d) => d.shifts);
  week.slice(0, 4).forEach((shift, i) => {
    services.shifts.signUp(actor, shift.id, people[i % people.length]!.id);
  });
  services.screening.screen(actor, people[0]!.id, { symptoms: false, exposure: false }, 'web');

  // An evening already under way: releases logged with the times people were let out, so the board
  // reads "released 3 h ago", not "just now" for everything.
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();
  const earlier = services.releases.create(actor, {
    siteId: station.id,
    releasedAt: minutesAgo(5 * 60 + 20),
    adults: 1,
    children: 0,
    languages: ['es'],
    needs: ['food', 'phone_call'],
  });
  for (const status of ['team_en_route', 'met', 'closed'] as const)
    services.releases.move(actor, earlier.id, status);

  const met = services.releases.create(actor, {
    siteId: station.id,
    releasedAt: minutesAgo(3 * 60 + 5),
    adults: 4,
    children: 2,
    languages: ['es', "K'iche'"],
    needs: ['food', 'clothing', 'housing_tonight', 'travel_tickets'],
    destination: 'Chicago',
  });
  services.releases.move(actor, met.id, 'team_en_route');
  services.releases.move(actor, met.id, 'met');
  services.releases.setNeedsMet(actor, met.id, ['food', 'clothing']);

  // Emergency housing: a church hall with the met family tonight, two volunteer homes, a shelter.
  const hall = services.housing.create(actor, {
    name: 'St. Mark parish hall',
    kind: 'place_of_worship',
    address: '1600 Grant St',
    beds: 12,
    familyFriendly: true,
    accessible: true,
    languages: ['es', 'en'],
    contactName: 'Hna. Teresa',
    contactPhone: '+13035550150',
    contactLanguage: 'es',
    weekdays: [],
    blackoutDates: [],
    active: true,
  });
  for (const home of [
    { name: 'Casa Morales', phone: '+13035550151', beds: 3, lang: 'es' as const },
    { name: 'The Nguyen home', phone: '+13035550152', beds: 2, lang: 'en' as const },
  ]) {
    services.housing.create(actor, {
      name: home.name,
      kind: 'volunteer_home',
      beds: home.beds,
      familyFriendly: true,
      accessible: false,
      languages: home.lang === 'es' ? ['es'] : ['en'],
      contactName: home.name.replace(/^(Casa|The) /, ''),
      contactPhone: home.phone,
      contactLanguage: home.lang,
      weekdays: [5, 6, 7],
      blackoutDates: [],
      active: true,
    });
  }
  services.housing.create(actor, {
    name: 'Denver Rescue shelter',
    kind: 'shelter',
    beds: 40,
    familyFriendly: false,
    accessible: true,
    languages: ['en', 'es'],
    contactLanguage: 'en',
    weekdays: [],
    blackoutDates: [],
    active: true,
  });
  const { stays } = services.housing;
  stays.place(actor, {
    housingSiteId: hall.id,
    releaseId: met.id,
    people: 6,
    checkIn: stays.tonight(),
    nights: 2,
  });
  const airportRelease = services.releases.create(actor, {
    siteId: airport.id,
    releasedAt: minutesAgo(100),
    adults: 1,
    children: 0,
    languages: ['mam'],
    needs: ['phone_call', 'food'],
  });
  services.releases.acknowledge(actor, airportRelease.id);
  services.releases.create(actor, {
    siteId: aurora.id,
    expectedAt: minutesAgo(-120),
    adults: 3,
    children: 0,
    languages: [],
    needs: [],
  });
  const waiting = services.releases.create(actor, {
    siteId: station.id,
    releasedAt: minutesAgo(25),
    adults: 2,
    children: 1,
    languages: ['es'],
    needs: ['water', 'phone_call', 'shoes'],
  });

  seedSupplies(services, actor, [station.id, warehouseId(services)], now);
  seedTravel(services, actor, { id: met.id, siteId: station.id });
  seedFund(services, actor, { id: met.id });
  seedMedical(services, actor, now);
  seedResources(services, actor, now);

  // A dispatch in progress: offers out, one YES in, so the panel shows a live picture at once.
  for (const i of [1, 2, 5])
    services.screening.screen(actor, people[i]!.id, { symptoms: false, exposure: false }, 'web');
  const dispatch = services.dispatch.create(actor, waiting.id, { needed: 2 });
  const offer = dispatch.offers.find((o) => o.volunteerId === people[0]!.id) ?? dispatch.offers[0];
  const phone = people.find((p) => p.id === offer?.volunteerId)?.phone;
  if (offer && phone)
    services.sms.receive({
      from: phone,
      body: `SI ${offer.code} 15 voy en camino`,
      messageSid: 'DEMO-YES',
    });
  services.screening.screen(actor, people[3]!.id, { symptoms: true, exposure: false }, 'web');
  return true;
}
