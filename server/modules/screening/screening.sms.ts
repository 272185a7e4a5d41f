import { shortDate } from '../../lib/dates';
import type { KeywordSpec } from '../sms/sms.keywords';
import { render } from '../sms/sms.templates';
import type { ScreeningService } from './screening.service';

/** WELL/BIEN and SICK/ENFERMO: the daily screen by text. Symptoms and exposure are one answer here. */
export function screeningKeywords(screening: ScreeningService, zone: string): KeywordSpec[] {
  const answer =
    (symptoms: boolean): KeywordSpec['handle'] =>
    ({ cmd, sender, lang }) => {
      if (sender.kind !== 'volunteer' || sender.id === null) return { text: render('volunteersOnly', lang) };
      const name = sender.name?.split(' ')[0] ?? '';
      const outcome = screening.record(cmd, sender.id, { symptoms, exposure: false }, 'sms');
      const until = outcome.state.until ? shortDate(outcome.state.until, zone, lang) : '';
      if (outcome.result === 'clear') return { text: render('screenClear', lang, { name }) };
      return { text: render(symptoms ? 'screenIsolate' : 'stillIsolating', lang, { name, until }) };
    };
  return [
    { name: 'screening-well', en: ['WELL'], es: ['BIEN'], handle: answer(false) },
    { name: 'screening-sick', en: ['SICK'], es: ['ENFERMO', 'ENFERMA'], handle: answer(true) },
  ];
}
