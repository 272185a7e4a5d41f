export const siteKinds = [
  'bus_station',
  'airport',
  'detention_center',
  'warehouse',
  'office',
  'other',
] as const;
export type SiteKind = (typeof siteKinds)[number];
