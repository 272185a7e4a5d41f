import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import semver from 'semver';
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
    expect(dockerfile).toMatch(/npm run build\b/);
    expect(dockerfile).toMatch(
      /CMD \["node", "--max-semi-space-size=4", "--heap-growing-percent=50", "dist\/server\/main\.cjs"\]/,
    );
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/HEALTHCHECK[\s\S]*\/healthz/);
  });
});

describe('supported Node versions', () => {
  const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { engines: { node: string } };
  const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8')) as {
    packages: Record<string, { engines?: { node?: string } }>;
  };
  const supported = ['20.19.0', '22.13.0'];

  it('are what package.json and the Dockerfile say: Node 22 LTS first, 20.19 where the dependencies allow', () => {
    for (const version of supported) expect(semver.satisfies(version, pkg.engines.node)).toBe(true);
    expect(fs.readFileSync('Dockerfile', 'utf8')).toMatch(/^FROM node:22-/m);
    expect(fs.readFileSync('README.md', 'utf8')).toMatch(/Node\.js 22/);
  });

  it('install without engine warnings: every installed package accepts both', () => {
    const refusing = Object.entries(lock.packages)
      .filter(([dir, entry]) => dir && entry.engines?.node && fs.existsSync(dir))
      .flatMap(([dir, entry]) =>
        supported
          .filter((v) => !semver.satisfies(v, entry.engines?.node ?? '*'))
          .map((v) => `${dir} refuses ${v}`),
      );
    expect(refusing).toEqual([]);
  });

  it('approve every dependency install script the app needs, so installs neither warn nor skip them', () => {
    const allowed = (pkg as { allowScripts?: Record<string, boolean> }).allowScripts ?? {};
    const unreviewed = Object.entries(lock.packages)
      .filter(([, entry]) => (entry as { hasInstallScript?: boolean }).hasInstallScript)
      .map(([dir]) => dir.slice(dir.lastIndexOf('node_modules/') + 'node_modules/'.length))
      .filter((name) => allowed[name] !== true);
    expect(unreviewed).toEqual([]);
    expect(allowed['better-sqlite3']).toBe(true);
  });
});
