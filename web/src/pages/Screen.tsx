import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, type ScreeningLinkInfo, type ScreeningLinkResult, toApiError } from '../api';
import { errorText } from '../components/ErrorMessage';
import { formatDay, formatTime } from '../components/networkTime';
import { Page } from '../components/Page';
import { YesNo } from '../components/YesNo';
import { useSubmission } from '../forms';
import { showIn, useI18n } from '../i18n';

/** Kept for this tab only, so a reload after the address bar was cleaned still finds the link. */
const tokenKey = 'bv.screenToken';

function readToken(): { token: string | null; fromUrl: boolean } {
  const fromUrl = new URLSearchParams(location.search).get('t');
  if (fromUrl) return { token: fromUrl, fromUrl: true };
  try {
    return { token: sessionStorage.getItem(tokenKey), fromUrl: false };
  } catch {
    return { token: null, fromUrl: false };
  }
}

function remember(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(tokenKey, token);
    else sessionStorage.removeItem(tokenKey);
  } catch {
    // Without storage a reload loses the link; the form itself still works.
  }
}

type State =
  | { status: 'checking' }
  | { status: 'invalid' }
  | { status: 'used' }
  | { status: 'failed'; error: ApiError }
  | { status: 'ready'; info: ScreeningLinkInfo }
  | { status: 'done'; info: ScreeningLinkInfo; result: ScreeningLinkResult };

function Used() {
  const { t } = useI18n();
  return (
    <div class="screen-card" data-testid="screen-used">
      <p class="screen-lead">{t('screen.usedTitle')}</p>
      <p>{t('screen.usedBody')}</p>
    </div>
  );
}

function Invalid() {
  const { t } = useI18n();
  return (
    <div class="screen-card" data-testid="screen-invalid">
      <p class="screen-lead">{t('screen.invalidTitle')}</p>
      <p>{t('screen.invalidBody')}</p>
    </div>
  );
}

function Result({ info, result }: { info: ScreeningLinkInfo; result: ScreeningLinkResult }) {
  const { t, lang } = useI18n();
  if (result.result === 'clear') {
    return (
      <div class="screen-card screen-clear" role="status" data-testid="screen-result" data-result="clear">
        <p class="screen-lead">{t('screen.clearTitle', { name: info.firstName })}</p>
        <p>{t('screen.clearBody')}</p>
      </div>
    );
  }
  const until = result.until
    ? `${formatDay(lang, result.until, 'long')}, ${formatTime(lang, result.until)}`
    : null;
  return (
    <div class="screen-card screen-isolate" role="status" data-testid="screen-result" data-result="isolate">
      <p class="screen-lead">{t('screen.isolateTitle', { name: info.firstName })}</p>
      <p class="screen-until">
        {until ? t('screen.isolateUntil', { date: until }) : t('screen.isolateNoDate')}
      </p>
      <p>{t('screen.isolateBody')}</p>
    </div>
  );
}

function Questions({
  token,
  info,
  onDone,
  onGone,
}: {
  token: string;
  info: ScreeningLinkInfo;
  onDone: (result: ScreeningLinkResult) => void;
  onGone: () => void;
}) {
  const { t } = useI18n();
  const [symptoms, setSymptoms] = useState<boolean | null>(null);
  const [exposure, setExposure] = useState<boolean | null>(null);
  const [missing, setMissing] = useState(false);
  const submission = useSubmission<ScreeningLinkResult>();

  const submit = async (e: Event) => {
    e.preventDefault();
    if (symptoms === null || exposure === null) {
      setMissing(true);
      return;
    }
    setMissing(false);
    let gone = false;
    const result = await submission.run(async (key) => {
      try {
        return await api.screenByLink({ token, symptoms, exposure }, key);
      } catch (err) {
        // The link ran out while the form was open.
        gone = err instanceof ApiError && (err.status === 404 || err.code === 'link_used');
        throw err;
      }
    });
    if (result) onDone(result);
    else if (gone) onGone();
  };

  return (
    <form class="screen-card" onSubmit={submit} noValidate data-testid="screen-form">
      <p class="screen-lead" data-testid="screen-greeting">
        {t('screen.greeting', { name: info.firstName })}
      </p>
      <p>{t('screen.intro')}</p>
      <YesNo name="symptoms" question={t('screen.symptoms')} value={symptoms} onChange={setSymptoms} big />
      <YesNo name="exposure" question={t('screen.exposure')} value={exposure} onChange={setExposure} big />
      {missing && (
        <p class="alert alert-error" role="alert">
          {t('screen.answerBoth')}
        </p>
      )}
      {submission.error && submission.error.status !== 404 && (
        <p class="alert alert-error" role="alert">
          {errorText(t, submission.error)}
        </p>
      )}
      <button type="submit" class="btn btn-primary btn-big" disabled={submission.busy}>
        {submission.busy ? t('screen.sending') : t('screen.submit')}
      </button>
    </form>
  );
}

/** The public form behind the link in shift reminders: no sign-in, the token in the link is the key. */
export function Screen() {
  const { t } = useI18n();
  const [{ token, fromUrl }] = useState(readToken);
  const [state, setState] = useState<State>(token ? { status: 'checking' } : { status: 'invalid' });

  const check = async () => {
    if (!token) return;
    setState({ status: 'checking' });
    try {
      const info = await api.checkScreeningLink(token);
      // The volunteer's own language first; the switch in the header still changes it.
      // Its words not arriving leaves the page in the language it is already in.
      if (fromUrl) await showIn(info.language).catch(() => undefined);
      setState({ status: 'ready', info });
    } catch (err) {
      const apiErr = toApiError(err);
      if (apiErr.status === 404 || apiErr.status === 400) {
        remember(null);
        setState({ status: 'invalid' });
      } else if (apiErr.code === 'link_used') {
        remember(null);
        setState({ status: 'used' });
      } else setState({ status: 'failed', error: apiErr });
    }
  };

  useEffect(() => {
    if (token) {
      remember(token);
      // The link is a key: keep it out of the address bar, history and anything that copies the URL.
      if (fromUrl) history.replaceState(null, '', location.pathname);
    }
    void check();
  }, []);

  let body: ComponentChildren = null;
  if (state.status === 'checking') body = <p class="loading">{t('app.loading')}</p>;
  else if (state.status === 'invalid') body = <Invalid />;
  else if (state.status === 'used') body = <Used />;
  else if (state.status === 'failed') {
    body = (
      <div class="screen-card">
        <p class="alert alert-error" role="alert">
          {errorText(t, state.error)}
        </p>
        <button type="button" class="btn" onClick={() => void check()}>
          {t('app.retry')}
        </button>
      </div>
    );
  } else if (state.status === 'ready' && token) {
    const info = state.info;
    body = (
      <Questions
        token={token}
        info={info}
        onDone={(result) => {
          remember(null);
          setState({ status: 'done', info, result });
        }}
        onGone={() => {
          remember(null);
          setState({ status: 'invalid' });
        }}
      />
    );
  } else if (state.status === 'done') body = <Result info={state.info} result={state.result} />;

  return (
    <div class="screen-page">
      <Page title={t('screen.title')}>{body}</Page>
    </div>
  );
}
