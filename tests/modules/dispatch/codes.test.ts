import { afterEach, describe, expect, it } from 'vitest';
import { ReplyCodes } from '../../../server/modules/sms/sms.replycodes';
import type { TestApp } from '../../helpers/app';
import { outbound } from '../../helpers/fixtures';
import {
  buildDispatchApp,
  dispatch,
  getDispatch,
  network,
  offerOf,
  release,
  reply,
  volunteer,
} from './dispatch.helpers';

const codesFrom = (first: number, count: number) =>
  new Set(Array.from({ length: count }, (_, i) => String(first + i)));

describe('reply codes with thousands of questions open', () => {
  let t: TestApp | undefined;
  afterEach(() => t?.close());

  it('draws four digits, none open and none twice, while most are free', () => {
    const codes = new ReplyCodes();
    const open = codesFrom(1000, 3000);
    codes.add(() => open);
    const fresh = codes.fresh({} as never, 1000);
    expect(fresh.every((c) => /^\d{4}$/.test(c))).toBe(true);
    expect(new Set(fresh).size).toBe(1000);
    expect(fresh.filter((c) => open.has(c))).toEqual([]);
  });

  it('draws five digits once four would leave fewer than half free, rather than searching for ever', () => {
    const codes = new ReplyCodes();
    codes.add(() => codesFrom(1000, 8990));
    const fresh = codes.fresh({} as never, 200);
    expect(fresh.every((c) => /^\d{5}$/.test(c))).toBe(true);
    expect(new Set(fresh).size).toBe(200);
  });

  it('texts a five-digit code when 8,990 are open elsewhere, and a YES with it is counted', async () => {
    t = await buildDispatchApp();
    const n = await network(t);
    t.app.services.sms.addReplyCodes(() => codesFrom(1000, 8990));
    const ana = await volunteer(n, { name: 'Ana Lopez', languages: ['es'] });
    const r = await release(n, { adults: 2, languages: ['es'] });
    const d = await dispatch(n, r.id, { needed: 1 });
    const code = offerOf(d, ana.id).code;
    expect(code).toMatch(/^\d{5}$/);
    const sent = outbound(t, 'offer').find((m) => m.phone === ana.phone && m.body.includes(code));
    expect(sent?.body).toContain(`Reply YES ${code} or NO ${code}`);

    await reply(n, ana, `YES ${code}`);
    const after = await getDispatch(n, d.id);
    expect(after.status).toBe('filled');
    expect(offerOf(after, ana.id).state).toBe('accepted');
  });
});
