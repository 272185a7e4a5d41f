/** Onward travel words shared by the server's rules and the dashboard. */
export const ticketStatuses = ['needed', 'network_bought', 'sponsor_bought'] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

/** A ticket someone has paid for: the release's travel_tickets need is met. */
export function ticketBought(status: TicketStatus): boolean {
  return status !== 'needed';
}

/** Languages the traveller's page is written in; adding one means adding its words to the page catalog. */
export const travellerLanguages = ['en', 'es'] as const;
export type TravellerLanguage = (typeof travellerLanguages)[number];

export const MAX_LEGS = 8;
export const MAX_PLACE = 80;
export const MAX_CARRIER = 60;
export const MAX_SEATS = 60;
export const MAX_CONFIRMATION = 24;
