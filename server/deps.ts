import type { Db } from '../db/client';
import type { Config } from './config';
import type { Clock } from './lib/clock';
import type { Commands } from './lib/commands';
import type { Scheduler } from './lib/scheduler';
import type { SmsGateway } from './modules/sms/sms.gateway';

/** The external ports handed to buildApp: tests pass an in-memory db, a fake clock and a fake gateway. */
export interface Deps {
  db: Db;
  clock: Clock;
  config: Readonly<Config>;
  sms: SmsGateway;
  /** Where logs go (default stdout); tests read them to check redaction. */
  logStream?: NodeJS.WritableStream;
}

/** What every service is built from: the ports plus the app's own machinery. */
export interface Core extends Deps {
  commands: Commands;
  scheduler: Scheduler;
}
