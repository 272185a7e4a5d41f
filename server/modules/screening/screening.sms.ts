import { shortDate } from '../../lib/dates';
import type { KeywordSpec } from '../sms/sms.keywords';
import { renderSmsText } from '../sms/sms.texts';
import type { ScreeningService } from './screening.service';
import { renderScreeningText } from './screening.texts';

/** WELL/BIEN and SICK/ENFERMO: the daily screen by text. Symptoms and exposure are one answer here. */
export function screeningKeywords(screening: ScreeningService, zone: string): KeywordSpec[] {
  const answer =
    (symptoms: boolean): KeywordSpec['handle'] =>
    ({ cmd, sender, lang }) => {
      if (sender.kind !== 'volunteer' || sender.id === null)
        return { text: renderSmsText('volunteersOnly', lang) };
      const name = sender.name?.split(' ')[0] ?? '';
      const outcome = screening.record(cmd, sender.id, { symptoms, exposure: false }, 'sms');
      const until = outcome.state.until ? shortDate(outcome.state.until, zone, lang) : '';
      if (outcome.result === 'clear') return { text: renderScreeningText('screenClear', lang, { name }) };
      return {
        text: renderScreeningText(symptoms ? 'screenIsolate' : 'stillIsolating', lang, { name, until }),
      };
    };
  return [
    { name: 'screening-well', en: ['WELL'], es: ['BIEN'], handle: answer(false) },
    { name: 'screening-sick', en: ['SICK'], es: ['ENFERMO', 'ENFERMA'], handle: answer(true) },
  ];
}
