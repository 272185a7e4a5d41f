import { useMemo } from 'preact/hooks';
import { SegmentedMessage } from 'sms-segments-calculator';
import { useI18n } from '../i18n';

/** Shows what the carrier will count for `text`: characters, encoding and billed segments. */
export function SegmentMeter({ id, text }: { id: string; text: string }) {
  const { t } = useI18n();
  const info = useMemo(() => {
    const m = new SegmentedMessage(text);
    return {
      chars: m.numberOfCharacters,
      ucs2: m.encodingName === 'UCS-2',
      segments: m.segmentsCount,
      culprits: [...new Set(m.getNonGsmCharacters())],
    };
  }, [text]);
  const shown = info.culprits.slice(0, 5).join(', ');
  return (
    <div class="meter" id={id} data-testid="sms-meter">
      <p class="meter-line">
        <span>{t(info.chars === 1 ? 'sms.chars.one' : 'sms.chars.other', { n: info.chars })}</span>
        <span class={`chip ${info.ucs2 ? 'chip-warn' : 'chip-wait'}`} data-testid="sms-encoding">
          {info.ucs2 ? 'UCS-2' : 'GSM-7'}
        </span>
        <span data-testid="sms-segments">
          {t(info.segments === 1 ? 'sms.segments.one' : 'sms.segments.other', { n: info.segments })}
        </span>
      </p>
      {/* Announced only when the reason changes, not on every keystroke. */}
      <p class={`hint${info.ucs2 ? ' meter-warn' : ''}`} aria-live="polite">
        {info.ucs2
          ? t(info.culprits.length === 1 ? 'sms.ucs2Hint.one' : 'sms.ucs2Hint.other', { chars: shown })
          : t('sms.gsmHint')}
      </p>
    </div>
  );
}
