import type {
  createContactBody,
  createPageBody,
  createScheduleBody,
  Contact as MedicalContact,
  Page as MedicalPage,
  OnCall,
  Schedule as OnCallSchedule,
  overrideBody,
  scheduleList,
  updateContactBody,
} from '@server/modules/medical/medical.schemas';
import type { z } from 'zod';
import { request, withQuery } from './http';

export type { MedicalContact, MedicalPage, OnCall, OnCallSchedule };
export type OnCallPerson = NonNullable<OnCall['primary']>;
export type PageEvent = MedicalPage['timeline'][number];
export type ScheduleList = z.output<typeof scheduleList>;
export type ContactBody = z.input<typeof createContactBody>;
export type ContactPatch = z.input<typeof updateContactBody>;
export type ScheduleBody = z.input<typeof createScheduleBody>;
export type OverrideBody = z.input<typeof overrideBody>;
export type PageBody = z.input<typeof createPageBody>;

const OFFSET = /(Z|[+-]\d{2}:\d{2})$/;

export const medicalApi = {
  medicalContacts: () => request<{ items: MedicalContact[] }>('/api/medical/contacts'),
  createMedicalContact: (body: ContactBody, key: string) =>
    request<MedicalContact>('/api/medical/contacts', { method: 'POST', body, idempotencyKey: key }),
  updateMedicalContact: (id: number, body: ContactPatch) =>
    request<MedicalContact>(`/api/medical/contacts/${id}`, { method: 'PATCH', body }),
  onCallSchedules: () => request<ScheduleList>('/api/medical/schedules'),
  createOnCallSchedule: (body: ScheduleBody, key: string) =>
    request<OnCallSchedule>('/api/medical/schedules', { method: 'POST', body, idempotencyKey: key }),
  addOnCallOverride: (scheduleId: number, body: OverrideBody, key: string) =>
    request<OnCallSchedule>(`/api/medical/schedules/${scheduleId}/overrides`, {
      method: 'POST',
      body,
      idempotencyKey: key,
    }),
  onCall: (at?: string) => request<OnCall>(withQuery('/api/medical/oncall', { at })),
  sendPage: (body: PageBody, key: string) =>
    request<MedicalPage>('/api/medical/pages', { method: 'POST', body, idempotencyKey: key }),
  medicalPages: (open = false) =>
    request<{ items: MedicalPage[] }>(withQuery('/api/medical/pages', { open: open ? 'true' : undefined })),
  medicalPage: (id: number) => request<MedicalPage>(`/api/medical/pages/${id}`),
  resolvePage: (id: number, note?: string) =>
    request<MedicalPage>(`/api/medical/pages/${id}/resolve`, { method: 'POST', body: note ? { note } : {} }),
  /**
   * A wall-clock time of the network (`2026-03-08T02:30`) as an instant with the network's offset. The
   * browser may sit in another zone, so the server's own instants say the offset: first now's, then the
   * one in force at the asked time, which differs when a daylight-saving change lies between.
   */
  networkInstant: async (local: string): Promise<string> => {
    const offsetOf = (iso: string) => OFFSET.exec(iso)?.[1] ?? 'Z';
    const wall = local.length === 16 ? `${local}:00` : local;
    const now = await medicalApi.onCall();
    const guess = `${wall}${offsetOf(now.at)}`;
    const there = await medicalApi.onCall(guess);
    return `${wall}${offsetOf(there.at)}`;
  },
};
