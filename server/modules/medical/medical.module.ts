import type { Core } from '../../deps';
import type { DomainModule } from '../module';
import type { MedicalPorts } from './medical.ports';
import { medicalRoutes } from './medical.routes';
import { MedicalService } from './medical.service';
import { medicalKeywords } from './medical.sms';

/** Medical on-call: contacts, rotations with overrides, who to call now, pages that escalate. */
export function createMedical(core: Core, ports: MedicalPorts): DomainModule<MedicalService> {
  const service = new MedicalService(core, ports);
  const { pages } = service;
  return {
    name: 'medical',
    service,
    routes: medicalRoutes(service, pages),
    keywords: medicalKeywords(service, pages),
    jobs: [pages.escalationJob],
    replyCodes: (db) => pages.openCodes(db),
    senderLookup: (db, phone) => {
      const c = service.findByPhoneIn(db, phone);
      return c?.active ? { phone, kind: 'medical', id: c.id, language: c.smsLanguage, name: c.name } : null;
    },
  };
}
