import type { Core } from '../../deps';
import { systemActor } from '../../lib/commands';
import { shortDateTime } from '../../lib/dates';
import { createScreeningLink } from '../screening/screening.links';
import { findSiteById } from '../sites/sites.repo';
import { quietHoursRelease } from '../sms/sms.quiet';
import type { SmsService } from '../sms/sms.service';
import { render } from '../sms/sms.templates';
import { findVolunteer } from '../volunteers/volunteers.repo';
import { findShift, findSignup } from './shifts.repo';

/** The reminder job: still signed up and not started? Then one text with a screening link. */
export function registerShiftReminders(core: Core, sms: SmsService): void {
  core.scheduler.register('shift.reminder', (payload) => {
    const shiftId = Number(payload.shiftId);
    const volunteerId = Number(payload.volunteerId);
    core.commands.run({ ...systemActor, label: 'shift-reminders' }, (ctx) => {
      const shift = findShift(ctx.tx, shiftId);
      const volunteer = findVolunteer(ctx.tx, volunteerId);
      if (!shift || !volunteer?.active || !findSignup(ctx.tx, shiftId, volunteerId)) return;
      if (shift.startsAt.getTime() <= ctx.now.getTime()) return;
      // Quiet hours would hold it until after the start (a signup at 22:00 for 06:00): too late to help.
      const { SMS_QUIET_HOURS, NETWORK_TZ } = core.config;
      if (quietHoursRelease(ctx.now, SMS_QUIET_HOURS, NETWORK_TZ).getTime() >= shift.startsAt.getTime())
        return;
      const token = createScreeningLink(ctx.tx, volunteerId, shift.endsAt);
      const lang = volunteer.smsLanguage;
      const body = render('shiftReminder', lang, {
        site: findSiteById(ctx.tx, shift.siteId)?.name ?? '',
        when: shortDateTime(shift.startsAt, core.config.NETWORK_TZ, lang),
        link: `${core.config.PUBLIC_URL}/screen?t=${token}`,
      });
      sms.enqueue(ctx, {
        to: volunteer.phone,
        body,
        kind: 'reminder',
        language: lang,
        related: { type: 'shift', id: shiftId },
      });
      ctx.audit({ action: 'shift.reminded', entity: 'shift', entityId: shiftId, changes: { volunteerId } });
    });
  });
}
