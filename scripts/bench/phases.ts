// The phases with dashboards connected: the steady write rate with a room's worth of screens, then the
// fan-out to many and the memory that costs.
import { setTimeout as sleep } from 'node:timers/promises';
import { fanOut, openDashboards } from './live';
import { type LoadResult, releasesSteady } from './load';
import type { Child } from './procs';

export interface LiveFigures {
  steady: LoadResult;
  fanout: { dashboards: number; p50: number; p99: number; max: number; missed: number; samples: number };
  dashboardsMb: number;
  endMb: number;
}

export async function measureLive(
  app: Child,
  opts: {
    cookie: string;
    cookies: string[];
    siteId: number;
    steadySeconds: number;
    dashboards: number;
    rounds: number;
    settleMs: number;
  },
): Promise<LiveFigures> {
  const room = await openDashboards(app.url, opts.cookies, 20);
  const steady = await releasesSteady(app.url, opts.cookie, opts.siteId, opts.steadySeconds, 100);
  await room.close();
  // The hub counts a feed until its close reaches the server; the next phase needs every place.
  await sleep(500);
  const many = await openDashboards(app.url, opts.cookies, opts.dashboards);
  await sleep(opts.settleMs);
  const dashboardsMb = app.rssMb();
  const found = await fanOut(app.url, opts.cookie, opts.siteId, many, opts.rounds);
  await many.close();
  await sleep(opts.settleMs);
  return {
    steady,
    fanout: { dashboards: opts.dashboards, ...found },
    dashboardsMb,
    endMb: app.rssMb(),
  };
}
