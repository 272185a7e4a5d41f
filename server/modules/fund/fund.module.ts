import type { FastifyInstance } from 'fastify';
import type { Core } from '../../deps';
import type { DomainModule } from '../module';
import { FundImport } from './fund.import';
import type { FundPorts } from './fund.ports';
import { FundReports } from './fund.report';
import { disbursementPurgeJob } from './fund.retention';
import { fundRoutes } from './fund.routes';
import { FundService } from './fund.service';
import { fundReportRoutes } from './report.routes';

/** The community fund: funds, income typed or imported, disbursements with approval, the donor report. */
export function createFund(core: Core, ports: FundPorts): DomainModule<FundService> {
  const service = new FundService(core, ports);
  return {
    name: 'fund',
    service,
    routes: async (app: FastifyInstance) => {
      await app.register(fundRoutes(service, new FundImport(core, service)));
      await app.register(fundReportRoutes(new FundReports(core, ports)));
    },
    jobs: [disbursementPurgeJob(ports)],
  };
}
