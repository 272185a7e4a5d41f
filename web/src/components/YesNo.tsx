import { useI18n } from '../i18n';

/** One yes/no question as two large choices: screening answers are never free text. */
export function YesNo({
  name,
  question,
  value,
  onChange,
  big,
}: {
  name: string;
  question: string;
  value: boolean | null;
  onChange: (value: boolean) => void;
  big?: boolean;
}) {
  const { t } = useI18n();
  return (
    <fieldset class={`yesno${big ? ' yesno-big' : ''}`} data-testid={`question-${name}`}>
      <legend class="yesno-q">{question}</legend>
      <div class="yesno-options">
        {([true, false] as const).map((answer) => (
          <label key={String(answer)} class="yesno-option">
            <input
              type="radio"
              name={name}
              value={answer ? 'yes' : 'no'}
              required
              checked={value === answer}
              onChange={() => onChange(answer)}
            />
            <span class="yesno-label">{answer ? t('answer.yes') : t('answer.no')}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
