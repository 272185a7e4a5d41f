import { type VolunteerSkill, volunteerSkills } from '@shared/volunteers';
import { useState } from 'preact/hooks';
import { api, type Dispatch, type ReleaseDetail } from '../api';
import { useSubmission } from '../forms';
import { useI18n } from '../i18n';
import { ChipCheck } from './ChipCheck';
import { MAX_NEEDED } from './DispatchBits';
import { ErrorMessage } from './ErrorMessage';
import { releaseLanguageName } from './ReleaseBits';
import { Stepper } from './Stepper';

/** Offered besides the release's own languages: the ones most volunteers here list. */
const extraLanguages = ['es', 'en'];

function sameLanguage(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export function SendForm({ release, onSent }: { release: ReleaseDetail; onSent: () => void }) {
  const { t, lang } = useI18n();
  const [needed, setNeeded] = useState(1);
  const [languages, setLanguages] = useState<string[]>(release.languages);
  const [skills, setSkills] = useState<VolunteerSkill[]>([]);
  const [asked, setAsked] = useState<number | null>(null);
  const submission = useSubmission<Dispatch>();
  const options = [
    ...release.languages,
    ...extraLanguages.filter((l) => !release.languages.some((r) => sameLanguage(r, l))),
  ];

  const submit = async (e: Event) => {
    e.preventDefault();
    setAsked(null);
    const created = await submission.run((key) =>
      api.createDispatch(release.id, { needed, languages, skills }, key),
    );
    if (!created) return;
    setAsked(created.offers.length);
    setNeeded(1);
    onSent();
  };

  return (
    <form
      class="form dispatch-form"
      onSubmit={submit}
      data-testid="dispatch-form"
      aria-labelledby="send-title"
    >
      <h3 id="send-title" class="subhead">
        {t('dispatch.send')}
      </h3>
      <Stepper
        id="dispatch-needed"
        label={t('dispatch.needed')}
        value={needed}
        min={1}
        max={MAX_NEEDED}
        decreaseLabel={t('dispatch.fewer')}
        increaseLabel={t('dispatch.more')}
        onChange={setNeeded}
      />
      <p class="hint" data-testid="dispatch-why-more">
        {t('dispatch.whyMore')}
      </p>
      <fieldset class="field">
        <legend>{t('dispatch.languages')}</legend>
        <div class="chip-checks">
          {options.map((l) => (
            <ChipCheck
              key={l}
              label={releaseLanguageName(lang, l)}
              lang={/^[a-z]{2,3}$/.test(l) ? l : undefined}
              checked={languages.some((x) => sameLanguage(x, l))}
              onChange={(on) =>
                setLanguages((ls) => (on ? [...ls, l] : ls.filter((x) => !sameLanguage(x, l))))
              }
            />
          ))}
        </div>
        <p class="hint">{t('dispatch.languagesHint')}</p>
      </fieldset>
      <fieldset class="field">
        <legend>{t('dispatch.skills')}</legend>
        <div class="chip-checks">
          {volunteerSkills.map((s) => (
            <ChipCheck
              key={s}
              label={t(`skill.${s}`)}
              checked={skills.includes(s)}
              onChange={(on) => setSkills((ks) => (on ? [...ks, s] : ks.filter((k) => k !== s)))}
            />
          ))}
        </div>
      </fieldset>
      <ErrorMessage error={submission.error} />
      {asked !== null && (
        <p class="alert alert-ok" role="status" data-testid="dispatch-sent">
          {asked === 0
            ? t('dispatch.askedNobody')
            : t(asked === 1 ? 'dispatch.asked.one' : 'dispatch.asked.other', { n: asked })}
        </p>
      )}
      <button type="submit" class="btn btn-primary" disabled={submission.busy}>
        {submission.busy
          ? t('dispatch.sending')
          : t(needed === 1 ? 'dispatch.submit.one' : 'dispatch.submit.other', { n: needed })}
      </button>
    </form>
  );
}
