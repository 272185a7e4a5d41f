import type { NoteRisk } from '@shared/notes';
import { useI18n } from '../i18n';

/** Why a note looks like it names someone, shown before it is saved; saving again keeps it as written. */
export function NoteRisks({ risks, id }: { risks: readonly NoteRisk[]; id: string }) {
  const { t } = useI18n();
  if (risks.length === 0) return null;
  return (
    <div class="alert alert-error" role="alert" id={id} data-testid="note-risks">
      <p>{t('notes.riskIntro')}</p>
      <ul>
        {risks.map((r) => (
          <li key={r}>{t(`notes.risk.${r}`)}</li>
        ))}
      </ul>
      <p>{t('notes.riskWhy')}</p>
    </div>
  );
}
