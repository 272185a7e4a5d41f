export interface OutgoingSms {
  to: string;
  body: string;
  /** Where the provider should post delivery statuses. */
  statusCallback?: string;
}

export type SendResult =
  | { ok: true; providerSid: string; delivered: boolean }
  | { ok: false; retryable: boolean; code: string; message: string };

/** The port every SMS goes out through. */
export interface SmsGateway {
  readonly driver: 'console' | 'twilio';
  /** Whether the gateway is accepting messages (shown on /healthz). */
  healthy(): boolean;
  send(message: OutgoingSms): Promise<SendResult>;
}

/**
 * Nothing leaves the machine: the message is already stored in the SMS log, where the dashboard shows
 * it (and the outbox logs a redacted line); the console reports it delivered.
 */
export function consoleGateway(): SmsGateway {
  let counter = 0;
  return {
    driver: 'console',
    healthy: () => true,
    async send() {
      counter += 1;
      return { ok: true, providerSid: `CONSOLE${Date.now().toString(36)}${counter}`, delivered: true };
    },
  };
}
