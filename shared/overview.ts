/**
 * The reads a signed-in overview starts with. The server has the browser fetch them beside the page's
 * code (server/plugins/web-html.ts) and the dashboard asks for them by the same addresses (web/src/api),
 * so the browser fetches each once.
 */
export const OVERVIEW_READS = {
  session: '/api/auth/me',
  openReleases: '/api/releases?status=open',
  boardDispatches: '/api/dispatches?release=open',
} as const;
