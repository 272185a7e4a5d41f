import { blob, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { type ResourceTag, resourceMimes, versionKinds } from '../../shared/resources';
import { instant } from './columns';

import { users } from './users';

/**
 * A sheet the network hands out (know-your-rights, clinic list, bus tips). Not personal data: it is
 * read by anyone who has its slug, the unguessable key of its public link.
 */
export const resources = sqliteTable('resources', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  slug: text('slug').notNull().unique(),
  title: text('title').notNull(),
  tags: text('tags', { mode: 'json' }).$type<ResourceTag[]>().notNull(),
  ownerId: integer('owner_id').references(() => users.id, { onDelete: 'set null' }),
  /** A local date (YYYY-MM-DD) in NETWORK_TZ; past it the sheet is flagged for review. */
  reviewBy: text('review_by'),
  createdAt: instant('created_at').notNull(),
  updatedAt: instant('updated_at').notNull(),
});

/** One language of a sheet: text written in the app, or an uploaded PDF or image. */
export const resourceVersions = sqliteTable(
  'resource_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    resourceId: integer('resource_id')
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    language: text('language').notNull(),
    kind: text('kind', { enum: versionKinds }).notNull(),
    body: text('body'),
    mime: text('mime', { enum: resourceMimes }),
    fileName: text('file_name'),
    data: blob('data', { mode: 'buffer' }),
    bytes: integer('bytes').notNull(),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('resource_versions_language_idx').on(t.resourceId, t.language),
    index('resource_versions_resource_idx').on(t.resourceId),
  ],
);
