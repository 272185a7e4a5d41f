export * from './audit';
export * from './events';
export * from './idempotency';
export * from './jobs';
export * from './sites';
export * from './sms';
export * from './users';
