import { gzipSync } from 'node:zlib';
import { negotiate } from '@fastify/accept-negotiator';

/** What the whole roster, as one role reads it, depends on besides the clock. */
export interface RosterInputs {
  /** Bumped by a trigger whenever a volunteer or a screening changes. */
  version: string;
  /** The numbers that opted out, in any order. */
  optedOut: ReadonlySet<string>;
}

interface Kept {
  version: string;
  optedOut: string;
  /** The first instant (epoch ms) at which a volunteer's screening state changes by itself. */
  until: number;
  gzip: Buffer;
}

/** Whether a client takes gzip (and has not refused it with q=0), negotiated as @fastify/compress does. */
export function takesGzip(acceptEncoding: string | string[] | undefined): boolean {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : (acceptEncoding ?? '');
  return negotiate(header, ['gzip']) === 'gzip';
}

/**
 * The whole roster as each role receives it, gzipped once and sent again as long as it could not
 * differ: no volunteer, screening or opt-out has changed, and no clear screen has expired since. At
 * ten thousand volunteers, writing and compressing the list costs far more than everything else a
 * roster request does, and every coordinator's dashboard asks for it.
 */
export class RosterAnswers {
  private readonly kept = new Map<string, Kept>();

  /** The gzipped list for `view`, built by `build` unless a still-valid copy is kept. */
  gzipFor(
    view: string,
    inputs: RosterInputs,
    nowMs: number,
    build: () => { json: string; until: number },
  ): Buffer {
    const optedOut = [...inputs.optedOut].sort().join(',');
    const found = this.kept.get(view);
    if (found && found.version === inputs.version && found.optedOut === optedOut && nowMs < found.until) {
      return found.gzip;
    }
    const { json, until } = build();
    const gzip = gzipSync(json, { level: 5 });
    this.kept.set(view, { version: inputs.version, optedOut, until, gzip });
    return gzip;
  }
}
