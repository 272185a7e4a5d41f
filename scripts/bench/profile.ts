// With `--cpu-prof`, the main server run writes a V8 CPU profile (open it in Chrome DevTools or
// speedscope for the flame graph); this prints where its time went, by function and by package.
import fs from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

function where(url: string): string {
  const deps = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (deps) return deps[1]!;
  if (url.startsWith('node:') || url === '') return url || '(native)';
  return path.relative(process.cwd(), url.replace(/^file:\/\//, ''));
}

/** The heaviest functions and packages by self time in the newest profile in `dir`. */
export function summarise(dir: string, top = 25): string {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => path.join(dir, f))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  if (files.length === 0) return `no profile in ${dir}`;
  const profile = JSON.parse(fs.readFileSync(files[0]!, 'utf8')) as { nodes: ProfileNode[] };
  const total = profile.nodes.reduce((n, node) => n + (node.hitCount ?? 0), 0) || 1;
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (hits === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const place = where(url);
    const key = `${functionName || '(anonymous)'}  ${place}${url ? `:${lineNumber + 1}` : ''}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + hits);
    byPackage.set(place, (byPackage.get(place) ?? 0) + hits);
  }
  const list = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, hits]) => `${((hits / total) * 100).toFixed(1).padStart(5)}%  ${k}`)
      .join('\n');
  return `profile ${files[0]}\n\nself time by function\n${list(byFunction)}\n\nself time by file or package\n${list(byPackage)}\n`;
}
