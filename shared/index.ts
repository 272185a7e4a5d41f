/**
 * Words the dashboard shares with the server: enums, limits, the release workflow and the language
 * rule. Nothing here touches the database, so the web app imports it as it is.
 */
export * from './dispatch';
export * from './fund';
export * from './inputs';
export * from './language-codes';
export * from './languages';
export * from './languages.schema';
export * from './notes';
export * from './overview';
export * from './passwords';
export * from './releases';
export * from './roles';
export * from './shifts';
export * from './sites';
export * from './sms';
export * from './travel';
export * from './volunteers';
