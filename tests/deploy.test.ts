import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../server/config';

describe('container deployment', () => {
  it('has a docker-compose.yml that docker-compose accepts, serving on 0.0.0.0 with a data volume', () => {
    const out = execFileSync('docker-compose', ['-f', 'docker-compose.yml', 'config'], { encoding: 'utf8' });
    expect(out).toMatch(/HOST: 0\.0\.0\.0/);
    expect(out).toMatch(/DATA_DIR: \/data/);
    expect(out).toMatch(/target: 3000/);
    expect(out).toMatch(/bienvenida-data/);
  });

  it('starts cleanly on the environment compose hands the container (empty values mean defaults)', () => {
    const out = execFileSync('docker-compose', ['-f', 'docker-compose.yml', 'config'], { encoding: 'utf8' });
    const env: Record<string, string> = {};
    const block = out.split('environment:')[1]?.split(/\n {4}\S/)[0] ?? '';
    for (const line of block.split('\n')) {
      const m = line.match(/^\s+([A-Z_]+): '?([^']*)'?$/);
      if (m?.[1]) env[m[1]] = m[2] ?? '';
    }
    expect(Object.keys(env)).toContain('SMS_DRIVER');
    const result = loadConfig(env);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('has a Dockerfile that builds the dashboard, runs as a non-root user and checks health', () => {
    const dockerfile = fs.readFileSync('Dockerfile', 'utf8');
    expect(dockerfile).toMatch(/npm ci/);
    expect(dockerfile).toMatch(/npm run build:web/);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/HEALTHCHECK[\s\S]*\/healthz/);
  });
});
