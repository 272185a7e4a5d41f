import type { TestApp } from '../../helpers/app';
import { signedInUser } from '../../helpers/fixtures';

export const NURSE = '+13035550161';
export const DOCTOR = '+13035550162';
export const EMT = '+13035550163';
export const LEAD = '+13035550100';

export interface MedicalNetwork {
  t: TestApp;
  coordinator: string;
  nurse: number;
  doctor: number;
  emt: number;
  primary: number;
  backup: number;
}

/**
 * Three contacts: the nurse and the doctor take daily turns as primary from 2026-03-01 at 08:00 (the
 * nurse first), the EMT is the weekly backup; the coordinator who pages has a phone.
 */
export async function medicalNetwork(t: TestApp): Promise<MedicalNetwork> {
  const coordinator = await t.signIn('coordinator');
  const me = await signedInUser(t, coordinator);
  const admin = await t.signIn('admin');
  await t.call(admin, { method: 'PATCH', url: `/api/users/${me.id}`, payload: { phone: LEAD } });
  const add = async (name: string, phone: string, role: string, smsLanguage = 'en') => {
    const res = await t.call(coordinator, {
      method: 'POST',
      url: '/api/medical/contacts',
      payload: { name, phone, role, languages: ['es'], smsLanguage },
    });
    if (res.statusCode !== 201) throw new Error(`contact: ${res.statusCode} ${res.body}`);
    return res.json().id as number;
  };
  const nurse = await add('Nora Nurse', NURSE, 'nurse');
  const doctor = await add('Diego Doctor', DOCTOR, 'doctor', 'es');
  const emt = await add('Eva EMT', EMT, 'emt');
  const schedule = async (layer: string, participants: number[], handoff: string) => {
    const res = await t.call(coordinator, {
      method: 'POST',
      url: '/api/medical/schedules',
      payload: {
        name: `${layer} rota`,
        layer,
        participants,
        handoff,
        handoffTime: '08:00',
        startsOn: '2026-03-01',
      },
    });
    if (res.statusCode !== 201) throw new Error(`schedule: ${res.statusCode} ${res.body}`);
    return res.json().id as number;
  };
  const primary = await schedule('primary', [nurse, doctor], 'daily');
  const backup = await schedule('backup', [emt], 'weekly');
  return { t, coordinator, nurse, doctor, emt, primary, backup };
}
