export const dispatchStatuses = ['open', 'filled', 'escalated', 'cancelled'] as const;
export type DispatchStatus = (typeof dispatchStatuses)[number];
export const offerStates = ['offered', 'accepted', 'declined', 'expired', 'superseded'] as const;
export type OfferState = (typeof offerStates)[number];
