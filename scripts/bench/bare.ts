// The stack's own limit, run as a child of the bench: one Fastify 5 route doing one better-sqlite3
// insert with the app's durability (WAL, synchronous=FULL). Nothing else: no auth, no validation.
import path from 'node:path';
import Database from 'better-sqlite3';
import Fastify from 'fastify';

const dir = process.env.DATA_DIR;
const port = Number(process.env.PORT);
if (!dir || !Number.isInteger(port)) throw new Error('DATA_DIR and PORT are required');

const db = new Database(path.join(dir, 'bare.db'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec('CREATE TABLE IF NOT EXISTS rows (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, body TEXT NOT NULL)');
const insert = db.prepare('INSERT INTO rows (at, body) VALUES (?, ?)');

const app = Fastify({ logger: false });
app.get('/healthz', async () => ({ ok: true }));
app.post('/rows', async (request, reply) => {
  const { lastInsertRowid } = insert.run(Date.now(), JSON.stringify(request.body ?? null));
  return reply.status(201).send({ id: Number(lastInsertRowid) });
});
await app.listen({ port, host: '127.0.0.1' });

process.on('SIGTERM', () => {
  void app.close().then(() => {
    db.close();
    process.exit(0);
  });
});
