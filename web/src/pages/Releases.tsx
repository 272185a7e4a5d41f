import { isOperator } from '../access';
import type { AuthUser } from '../api';
import { Page } from '../components/Page';
import { ReleaseBoard, SoundToggle } from '../components/ReleaseBoard';
import { useI18n } from '../i18n';
import { linkClick } from '../router';

export function Releases({ user }: { user: AuthUser }) {
  const { t } = useI18n();
  return (
    <Page
      title={t('board.title')}
      actions={
        <div class="page-actions">
          <SoundToggle />
          <a class="btn" href="/releases/history" onClick={linkClick} data-testid="history-link">
            {t('history.link')}
          </a>
          {isOperator(user.role) && (
            <a
              class="btn btn-primary"
              href="/releases/new"
              onClick={linkClick}
              data-testid="new-release-link"
            >
              {t('board.new')}
            </a>
          )}
        </div>
      }
    >
      <ReleaseBoard user={user} />
    </Page>
  );
}
