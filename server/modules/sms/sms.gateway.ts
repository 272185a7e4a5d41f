/** The port every SMS goes out through; drivers live beside this file. */
export interface SmsGateway {
  readonly driver: 'console' | 'twilio';
  /** Whether the gateway can currently accept messages (shown on /healthz). */
  healthy(): boolean;
}

export function consoleGateway(): SmsGateway {
  return { driver: 'console', healthy: () => true };
}
