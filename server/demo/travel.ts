import { DateTime } from 'luxon';
import type { systemActor } from '../lib/commands';
import type { Services } from '../modules';

/**
 * The family at the church hall travels on: two by plane to Atlanta on the first morning, on tickets
 * their sponsor bought (so the departures board has someone leaving the moment the demo opens), and
 * four by bus to Chicago on the morning after their two nights, on tickets the network bought, with
 * travel bags from the station. Times are typed as the tickets print them, in each stop's own zone.
 */
export function seedTravel(
  services: Services,
  actor: typeof systemActor,
  family: { id: number; siteId: number },
): void {
  const { travel } = services;
  const day = DateTime.fromISO(services.housing.stays.tonight()).plus({ days: 2 });
  const firstMorning = day.minus({ days: 1 });
  const on = (d: DateTime, time: string) => `${d.toISODate()}T${time}`;
  travel.create(actor, family.id, {
    people: 4,
    destination: 'Chicago',
    ticket: 'network_bought',
    language: 'es',
    seats: '11-14',
    legs: [
      {
        carrier: 'Greyhound 1366',
        from: 'Denver bus center',
        departsAt: on(day, '07:45'),
        to: 'Omaha',
        toZone: 'America/Chicago',
        arrivesAt: on(day, '17:30'),
      },
      {
        carrier: 'Greyhound 1290',
        from: 'Omaha',
        fromZone: 'America/Chicago',
        departsAt: on(day, '19:05'),
        to: 'Chicago',
        toZone: 'America/Chicago',
        arrivesAt: on(day.plus({ days: 1 }), '05:55'),
      },
    ],
  });
  const plane = travel.create(actor, family.id, {
    people: 2,
    destination: 'Atlanta',
    ticket: 'sponsor_bought',
    language: 'es',
    legs: [
      {
        carrier: 'Southwest 1822',
        from: 'Denver airport (DEN)',
        departsAt: on(firstMorning, '06:10'),
        to: 'Dallas Love Field (DAL)',
        toZone: 'America/Chicago',
        arrivesAt: on(firstMorning, '09:20'),
      },
      {
        carrier: 'Southwest 2417',
        from: 'Dallas Love Field (DAL)',
        fromZone: 'America/Chicago',
        departsAt: on(firstMorning, '11:05'),
        to: 'Atlanta (ATL)',
        toZone: 'America/New_York',
        arrivesAt: on(firstMorning, '14:10'),
      },
    ],
  });
  const bag = services.supplies.items().find((i) => i.need === 'travel_bag' && i.active);
  // The bus riders' bags are still being packed: the board shows one trip with bags and one without.
  if (bag) travel.handOutBags(actor, plane.id, { itemId: bag.id, siteId: family.siteId });
}
