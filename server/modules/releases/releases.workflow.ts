export { canMove, OPEN_STATUSES, TRANSITIONS } from '../../../shared/releases';

/** A release code people can say on the phone: R-0427. */
export function releaseCode(id: number): string {
  return `R-${String(id).padStart(4, '0')}`;
}
