import { z } from 'zod';
import type { Core } from '../../deps';
import { defineJob } from '../../infra/jobs';
import { shortDateTime } from '../../lib/dates';
import { quietHoursRelease } from '../sms/sms.quiet';
import type { ShiftsPorts } from './shifts.ports';
import { findShift, findSignup } from './shifts.repo';
import { renderShiftsText } from './shifts.texts';

/** The reminder job: still signed up and not started? Then one text with a screening link. */
export function shiftReminderJob(core: Core, ports: ShiftsPorts) {
  return defineJob(
    'shift.reminder',
    z.object({ shiftId: z.number().int(), volunteerId: z.number().int() }),
    (ctx, { shiftId, volunteerId }) => {
      const shift = findShift(ctx.tx, shiftId);
      const volunteer = ports.volunteers.findIn(ctx.tx, volunteerId);
      if (!shift || !volunteer?.active || !findSignup(ctx.tx, shiftId, volunteerId)) return;
      if (shift.startsAt.getTime() <= ctx.now.getTime()) return;
      // Quiet hours would hold it until after the start (a signup at 22:00 for 06:00): too late to help.
      const { SMS_QUIET_HOURS, NETWORK_TZ } = core.config;
      if (quietHoursRelease(ctx.now, SMS_QUIET_HOURS, NETWORK_TZ).getTime() >= shift.startsAt.getTime())
        return;
      const token = ports.screening.createLinkIn(ctx, volunteerId, shift.endsAt);
      const lang = volunteer.smsLanguage;
      const body = renderShiftsText('shiftReminder', lang, {
        site: ports.sites.findIn(ctx.tx, shift.siteId)?.name ?? '',
        when: shortDateTime(shift.startsAt, NETWORK_TZ, lang),
        link: `${core.config.PUBLIC_URL}/screen?t=${token}`,
      });
      ports.sms.enqueue(ctx, {
        to: volunteer.phone,
        body,
        kind: 'reminder',
        language: lang,
        related: { type: 'shift', id: shiftId },
      });
      ctx.audit({ action: 'shift.reminded', entity: 'shift', entityId: shiftId, changes: { volunteerId } });
    },
    { actor: 'shift-reminders' },
  );
}
