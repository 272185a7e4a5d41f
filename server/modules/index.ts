import type { FastifyBaseLogger } from 'fastify';
import type { Core } from '../deps';
import { createAudit } from './audit/audit.module';
import { createAuth } from './auth/auth.module';
import { createDispatch } from './dispatch/dispatch.module';
import { createFund } from './fund/fund.module';
import { createHealth } from './health/health.module';
import { createHousing } from './housing/housing.module';
import { createMedical } from './medical/medical.module';
import type { DomainModule } from './module';
import { createReleases } from './releases/releases.module';
import { createResources } from './resources/resources.module';
import { createScreening } from './screening/screening.module';
import { createSetup } from './setup/setup.module';
import { createShifts } from './shifts/shifts.module';
import { createSites } from './sites/sites.module';
import { createSms } from './sms/sms.module';
import { createSupplies } from './supplies/supplies.module';
import { createTravel } from './travel/travel.module';
import { createUsers } from './users/users.module';
import { createVolunteers } from './volunteers/volunteers.module';

/**
 * The composition: each domain built from the core and the ports it names, lowest first. Every arrow
 * between domains is written here, once. Three ports are functions, read after all exist: users end
 * sessions that sign-in owns, screening names its volunteer, and a broadcast may target a shift's signups.
 */
export function createModules(core: Core, log: FastifyBaseLogger) {
  const sms = createSms(core, log);
  const users = createUsers(core, { sms: sms.service, sessions: () => auth.service });
  const auth = createAuth(core, { users: users.service });
  const setup = createSetup(core, { users: users.service, auth: auth.service });
  const sites = createSites(core);
  const screening = createScreening(core, {
    users: users.service,
    volunteers: () => volunteers.service,
  });
  const volunteers = createVolunteers(core, {
    sms: sms.service,
    screening: screening.service,
    shifts: () => shifts.service,
  });
  const shifts = createShifts(core, {
    sites: sites.service,
    volunteers: volunteers.service,
    screening: screening.service,
    sms: sms.service,
  });
  const releases = createReleases(core, {
    sites: sites.service,
    users: users.service,
    volunteers: volunteers.service,
  });
  const housing = createHousing(core, {
    releases: releases.service,
    sms: sms.service,
    users: users.service,
  });
  const supplies = createSupplies(core, {
    sites: sites.service,
    releases: releases.service,
    users: users.service,
  });
  const medical = createMedical(core, {
    releases: releases.service,
    sms: sms.service,
    users: users.service,
  });
  const resources = createResources(core, {
    releases: releases.service,
    sms: sms.service,
    users: users.service,
  });
  const travel = createTravel(core, {
    releases: releases.service,
    sms: sms.service,
    supplies: supplies.service,
  });
  const dispatch = createDispatch(core, {
    sms: sms.service,
    releases: releases.service,
    sites: sites.service,
    users: users.service,
    volunteers: volunteers.service,
    screening: screening.service,
    shifts: shifts.service,
    housing: housing.service,
  });
  const fund = createFund(core, {
    releases: releases.service,
    users: users.service,
    housing: housing.service,
    supplies: supplies.service,
    shifts: shifts.service,
    dispatch: dispatch.service,
    travel: travel.service,
  });

  const services = {
    sms: sms.service,
    users: users.service,
    auth: auth.service,
    setup: setup.service,
    sites: sites.service,
    screening: screening.service,
    volunteers: volunteers.service,
    shifts: shifts.service,
    releases: releases.service,
    dispatch: dispatch.service,
    housing: housing.service,
    supplies: supplies.service,
    medical: medical.service,
    travel: travel.service,
    resources: resources.service,
    fund: fund.service,
  };
  // Registration order is the order a texting number is looked up in: a coordinator who also
  // volunteers is answered as the volunteer (WELL, SHIFT), so volunteers come before users.
  const modules: DomainModule[] = [
    sms,
    sites,
    volunteers,
    users,
    auth,
    setup,
    screening,
    shifts,
    releases,
    housing,
    supplies,
    medical,
    travel,
    resources,
    dispatch,
    fund,
    createAudit(core, { users: users.service }),
    createHealth(core),
  ];
  return { modules, services };
}

export type Services = ReturnType<typeof createModules>['services'];
