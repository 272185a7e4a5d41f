import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY } from '../../../server/lib/clock';
import { systemActor } from '../../../server/lib/commands';
import { buildTestApp, type TestApp } from '../../helpers/app';
import { eventRows } from '../../helpers/fixtures';

describe('live events retention', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await buildTestApp({ env: { RETENTION_DAYS: '30' } });
  });
  afterEach(() => t.close());

  const emit = (type: string) =>
    t.app.core.commands.run(systemActor, (ctx) => ctx.emit(type, { name: 'Ana Ruiz' }));
  const types = () => eventRows(t).map((e) => e.type);

  it('deletes events older than RETENTION_DAYS on the hourly cleanup, keeping newer ones', async () => {
    emit('screening.isolate');
    t.clock.advance(20 * DAY);
    emit('screening.clear');
    t.app.core.scheduler.ensureRecurring();
    await t.app.core.scheduler.runDue();
    expect(types()).toEqual(['screening.isolate', 'screening.clear']);

    t.clock.advance(11 * DAY);
    await t.app.core.scheduler.runDue();
    expect(types()).toEqual(['screening.clear']);
  });
});
