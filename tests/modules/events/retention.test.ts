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

  it('deletes every event when all are old, and one written with the clock set back on a later run', async () => {
    emit('screening.isolate');
    t.clock.advance(20 * DAY);
    emit('screening.clear');
    // The clock is set back a day: this event is older than the one before it.
    t.clock.advance(-DAY);
    emit('volunteer.updated');
    t.app.core.scheduler.ensureRecurring();

    t.clock.advance(32 * DAY);
    await t.app.core.scheduler.runDue();
    expect(types()).toEqual([]);

    emit('screening.isolate');
    t.clock.advance(5 * DAY);
    emit('screening.clear');
    t.clock.advance(-6 * DAY);
    emit('volunteer.updated');
    // 32 days after the first: it goes; the last, stamped a day before it, waits behind the young one.
    t.clock.advance(33 * DAY);
    await t.app.core.scheduler.runDue();
    expect(types()).toEqual(['screening.clear', 'volunteer.updated']);
    t.clock.advance(5 * DAY);
    await t.app.core.scheduler.runDue();
    expect(types()).toEqual([]);
  });
});
