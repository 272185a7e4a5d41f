// Memory of the seeded server left alone after start, as a network runs it (the Twilio driver) and as
// the load phases run it (console SMS). V8 gives back what start-up grew only after a major collection,
// which an idle server may not run for hours, so the figure is taken a few seconds after start.
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startFakeTwilio } from '../../tests/helpers/fake-twilio';
import { BENCH_TWILIO_TOKEN, startApp } from './app-server';
import type { Child } from './procs';

/**
 * Two servers side by side on copies of the seeded database: with the console driver the other phases
 * use, and with the real twilio client against a stand-in for Twilio on loopback. RSS `afterMs` after
 * each answers its health check.
 */
export async function idleMemory(
  dataDir: string,
  scratch: string,
  afterMs: number,
): Promise<{ consoleMb: number; twilioMb: number }> {
  const dirs = ['console', 'twilio'].map((d) => path.join(scratch, `idle-${d}`));
  for (const d of dirs) {
    fs.mkdirSync(d, { recursive: true });
    fs.copyFileSync(path.join(dataDir, 'bienvenida.db'), path.join(d, 'bienvenida.db'));
  }
  const fake = await startFakeTwilio({ authToken: BENCH_TWILIO_TOKEN });
  const children: Child[] = [];
  try {
    const rssAfter = async (child: Child) => {
      children.push(child);
      await sleep(afterMs);
      return child.rssMb();
    };
    const [consoleMb, twilioMb] = await Promise.all([
      startApp(dirs[0]!).then(rssAfter),
      startApp(dirs[1]!, {
        SMS_DRIVER: 'twilio',
        TWILIO_ACCOUNT_SID: fake.accountSid,
        TWILIO_AUTH_TOKEN: fake.authToken,
        TWILIO_FROM: '+15005550006',
        TWILIO_API_BASE: fake.baseUrl,
      }).then(rssAfter),
    ]);
    return { consoleMb: consoleMb!, twilioMb: twilioMb! };
  } finally {
    for (const c of children) await c.stop();
    await fake.close();
  }
}
