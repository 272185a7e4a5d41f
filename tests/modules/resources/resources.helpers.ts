import type { TestApp } from '../../helpers/app';

export interface ResourceView {
  id: number;
  slug: string;
  title: string;
  tags: string[];
  ownerId: number | null;
  ownerName: string | null;
  reviewBy: string | null;
  stale: boolean;
  url: string;
  versions: Array<{
    language: string;
    kind: string;
    body: string | null;
    mime: string | null;
    bytes: number;
  }>;
}

export async function addResource(
  t: TestApp,
  cookie: string,
  body: Record<string, unknown> = {},
): Promise<ResourceView> {
  const res = await t.call(cookie, {
    method: 'POST',
    url: '/api/resources',
    payload: { title: 'Know your rights', tags: ['legal'], ...body },
  });
  if (res.statusCode !== 201) throw new Error(`resource not created: ${res.statusCode} ${res.body}`);
  return res.json();
}

export function postVersion(t: TestApp, cookie: string, id: number, body: Record<string, unknown>) {
  return t.call(cookie, { method: 'POST', url: `/api/resources/${id}/versions`, payload: body });
}

export async function addVersion(
  t: TestApp,
  cookie: string,
  id: number,
  language: string,
  body = `Sheet in ${language}`,
): Promise<ResourceView> {
  const res = await postVersion(t, cookie, id, { language, body });
  if (res.statusCode !== 201) throw new Error(`version not added: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** The smallest PNG there is: one transparent pixel. */
export const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

export const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);
