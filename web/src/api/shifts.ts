import type {
  Coverage,
  CoverageDay,
  CoverageQuery,
  CreateShiftBody,
  Shift,
  ShiftList,
  ShiftPatchBody,
  ShiftsQuery,
  ShiftTemplate,
  Signup,
  SignupBody,
  TemplateBody,
  TemplateList,
  TemplatePatch,
} from '@server/modules/shifts/shifts.schemas';
import { request, withQuery } from './http';

export type { CoverageDay, CreateShiftBody, Shift, ShiftTemplate, Signup, TemplateBody, TemplatePatch };

export const shiftsApi = {
  shifts: (query: ShiftsQuery = {}) => request<ShiftList>(withQuery('/api/shifts', query)),
  coverage: (query: CoverageQuery = {}) => request<Coverage>(withQuery('/api/shifts/coverage', query)),
  createShift: (body: CreateShiftBody, key: string) =>
    request<Shift>('/api/shifts', { method: 'POST', body, idempotencyKey: key }),
  signUp: (shiftId: number, volunteerId: number, key: string) =>
    request<Shift>(`/api/shifts/${shiftId}/signups`, {
      method: 'POST',
      body: { volunteerId } satisfies SignupBody,
      idempotencyKey: key,
    }),
  updateShift: (id: number, body: ShiftPatchBody) =>
    request<Shift>(`/api/shifts/${id}`, { method: 'PATCH', body }),
  deleteShift: (id: number) => request<{ told: number }>(`/api/shifts/${id}`, { method: 'DELETE' }),
  cancelSignup: (shiftId: number, volunteerId: number) =>
    request<Shift>(`/api/shifts/${shiftId}/signups/${volunteerId}`, { method: 'DELETE' }),
  shiftTemplates: () => request<TemplateList>('/api/shifts/templates'),
  createShiftTemplate: (body: TemplateBody, key: string) =>
    request<ShiftTemplate>('/api/shifts/templates', { method: 'POST', body, idempotencyKey: key }),
  updateShiftTemplate: (id: number, body: TemplatePatch) =>
    request<ShiftTemplate>(`/api/shifts/templates/${id}`, { method: 'PATCH', body }),
};
