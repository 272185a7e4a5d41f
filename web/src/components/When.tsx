import { type Lang, useI18n } from '../i18n';

const formats = new Map<string, Intl.DateTimeFormat>();

function format(lang: Lang, style: 'time' | 'dayTime', date: Date): string {
  const key = `${lang}:${style}`;
  let fmt = formats.get(key);
  if (!fmt) {
    fmt =
      style === 'time'
        ? new Intl.DateTimeFormat(lang, { timeStyle: 'short' })
        : new Intl.DateTimeFormat(lang, {
            month: 'short',
            day: 'numeric',
            hour: 'numeric',
            minute: '2-digit',
          });
    formats.set(key, fmt);
  }
  return fmt.format(date);
}

/** A compact instant for busy lists: the time alone today, the day too this year; the full date on hover. */
export function When({ iso }: { iso: string }) {
  const { lang, date } = useI18n();
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return <>{iso}</>;
  const now = new Date();
  let text: string;
  if (d.toDateString() === now.toDateString()) text = format(lang, 'time', d);
  else if (d.getFullYear() === now.getFullYear()) text = format(lang, 'dayTime', d);
  else text = date(iso);
  return (
    <time dateTime={iso} title={date(iso)}>
      {text}
    </time>
  );
}
