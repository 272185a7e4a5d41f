// A stand-in for Twilio's Messages API on loopback, for demos of SMS_DRIVER=twilio where nothing may leave
// the machine: accepts messages like Twilio, then reports each one delivered through its StatusCallback.
import { redactPhone } from '../server/lib/redact';
import { type FakeTwilio, startFakeTwilio } from '../tests/helpers/fake-twilio';

// Roughly how long a real handset takes to acknowledge, so the dashboard shows queued before delivered.
const DELIVERY_DELAY_MS = 1_000;

const port = Number(process.env.MOCK_TWILIO_PORT || 4010);
if (!Number.isInteger(port) || port < 1 || port > 65_535) {
  console.error(`MOCK_TWILIO_PORT must be a port number, got ${process.env.MOCK_TWILIO_PORT}`);
  process.exit(2);
}
const accountSid = process.env.TWILIO_ACCOUNT_SID || `AC${'0'.repeat(32)}`;
const authToken = process.env.TWILIO_AUTH_TOKEN || 'test-token';
const pending = new Set<NodeJS.Timeout>();

function deliverLater(fake: FakeTwilio, sid: string): void {
  const timer = setTimeout(() => {
    pending.delete(timer);
    fake.sendStatus(sid, 'delivered').then(
      (status) => console.log(`  ${sid} delivered, status callback answered ${status}`),
      (err: Error) => console.error(`  ${sid} status callback failed: ${err.message}`),
    );
  }, DELIVERY_DELAY_MS);
  pending.add(timer);
}

let fake: FakeTwilio;
try {
  fake = await startFakeTwilio({
    accountSid,
    authToken,
    port,
    onMessage(m) {
      // Bodies can name people and places, so the log keeps only their size.
      const sender = m.from ? redactPhone(m.from) : m.messagingServiceSid;
      console.log(
        `${new Date().toISOString()} ${m.sid} ${sender} → ${redactPhone(m.to)} (${m.body.length} chars)`,
      );
      if (m.statusCallback) deliverLater(fake, m.sid);
    },
  });
} catch (err) {
  console.error(`mock Twilio could not listen on 127.0.0.1:${port}: ${(err as Error).message}`);
  process.exit(1);
}

const tokenHint = process.env.TWILIO_AUTH_TOKEN ? '<the same TWILIO_AUTH_TOKEN>' : authToken;
console.log(`mock Twilio listening on ${fake.baseUrl} for account ${accountSid}`);
console.log('Point the app at it:');
console.log(
  `  SMS_DRIVER=twilio TWILIO_API_BASE=${fake.baseUrl} TWILIO_ACCOUNT_SID=${accountSid} ` +
    `TWILIO_AUTH_TOKEN=${tokenHint} TWILIO_FROM=+15005550006 npm start`,
);
console.log(`Messages with a StatusCallback are reported delivered after ${DELIVERY_DELAY_MS} ms.`);

async function shutdown(): Promise<void> {
  for (const timer of pending) clearTimeout(timer);
  await fake.close();
  process.exit(0);
}
process.once('SIGINT', () => void shutdown());
process.once('SIGTERM', () => void shutdown());
