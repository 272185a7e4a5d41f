import type {
  CreateUserInput,
  SetPasswordBody,
  UpdateUserBody,
  User,
  UserList,
} from '@server/modules/users/users.schemas';
import { request } from './http';

export type { CreateUserInput, UpdateUserBody, User };

export const usersApi = {
  users: () => request<UserList>('/api/users'),
  createUser: (body: CreateUserInput, key: string) =>
    request<User>('/api/users', { method: 'POST', body, idempotencyKey: key }),
  updateUser: (id: number, body: UpdateUserBody) =>
    request<User>(`/api/users/${id}`, { method: 'PATCH', body }),
  resetPassword: (id: number, body: SetPasswordBody) =>
    request<void>(`/api/users/${id}/password`, { method: 'POST', body }),
};
