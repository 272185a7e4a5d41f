import type { FastifyInstance } from 'fastify';
import type { Core } from '../../deps';
import type { DomainModule } from '../module';
import { broadcastRoutes } from './volunteers.broadcast';
import { volunteerSenderByPhone } from './volunteers.repo';
import { volunteersRoutes } from './volunteers.routes';
import { type VolunteersPorts, VolunteersService } from './volunteers.service';

/** The roster, broadcasts to it, and who a texting number belongs to. */
export function createVolunteers(core: Core, ports: VolunteersPorts): DomainModule<VolunteersService> {
  const service = new VolunteersService(core, ports);
  return {
    name: 'volunteers',
    service,
    routes: async (app: FastifyInstance) => {
      await app.register(volunteersRoutes(service));
      await app.register(broadcastRoutes(service));
    },
    senderLookup: (db, phone) => {
      const v = volunteerSenderByPhone(db, phone);
      return v ? { phone, kind: 'volunteer', id: v.id, language: v.smsLanguage, name: v.name } : null;
    },
  };
}
