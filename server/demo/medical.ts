import type { systemActor } from '../lib/commands';
import type { Services } from '../modules';

/** Medical contacts, a daily primary rotation with a weekly gap, a weekly backup, and an override. */
export function seedMedical(services: Services, actor: typeof systemActor, now: Date): void {
  const { medical } = services;
  const contact = (name: string, phone: string, role: 'nurse' | 'doctor' | 'emt', smsLanguage: 'en' | 'es') =>
    medical.createContact(actor, {
      name,
      phone,
      role,
      languages: smsLanguage === 'es' ? ['es', 'en'] : ['en'],
      smsLanguage,
      active: true,
    });
  const nurse = contact('Rosa Delgado, RN', '+13035550171', 'nurse', 'es');
  const doctor = contact('Dr. Sam Okafor', '+13035550172', 'doctor', 'en');
  const emt = contact('Luis Peña, EMT', '+13035550173', 'emt', 'es');
  // Marta is on leave: her turn in the rotation shows as a gap to fill, once a week.
  const away = contact('Marta Ruiz, NP', '+13035550174', 'nurse', 'es');
  medical.updateContact(actor, away.id, { active: false });
  // The rota began two days ago, so someone is on call the moment the demo opens, in any time zone.
  const today = now.toISOString().slice(0, 10);
  const began = new Date(now.getTime() - 2 * 86_400_000).toISOString().slice(0, 10);
  const primary = medical.createSchedule(actor, {
    name: 'Nurses and doctors',
    layer: 'primary',
    participants: [nurse.id, doctor.id, nurse.id, doctor.id, away.id, nurse.id, doctor.id],
    handoff: 'daily',
    handoffTime: '08:00',
    startsOn: began,
  });
  medical.createSchedule(actor, {
    name: 'EMT backup',
    layer: 'backup',
    participants: [emt.id],
    handoff: 'weekly',
    handoffTime: '08:00',
    startsOn: began,
  });
  const day = 86_400_000;
  const at = (d: number, h: number) =>
    new Date(new Date(`${today}T00:00:00Z`).getTime() + d * day + h * 3_600_000).toISOString();
  medical.addOverride(actor, primary.id, { contactId: emt.id, startsAt: at(2, 2), endsAt: at(2, 14) });
}
