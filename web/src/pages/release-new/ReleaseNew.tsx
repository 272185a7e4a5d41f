import { useEffect, useState } from 'preact/hooks';
import type { AuthUser } from '../../api';
import { Page } from '../../components/Page';
import { useI18n } from '../../i18n';
import { IntakeForm } from './IntakeForm';
import { type Outcome, OutcomePanel } from './OutcomePanel';
import { QueueList } from './QueueList';

export function ReleaseNew({ user }: { user: AuthUser }) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // A fresh form scrolled to the top: the code is what the volunteer reads out or writes down.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [outcome]);
  return (
    <Page title={t('intake.title')}>
      {outcome ? (
        <OutcomePanel outcome={outcome} onAnother={() => setOutcome(null)} />
      ) : (
        <IntakeForm user={user} onDone={setOutcome} />
      )}
      <QueueList />
    </Page>
  );
}
