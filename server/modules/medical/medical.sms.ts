import type { KeywordSpec } from '../sms/sms.keywords';
import type { Pages } from './medical.pages';
import type { MedicalService } from './medical.service';
import { renderMedicalText } from './medical.texts';

const CODE = /\d{4,}/;

/** ONCALL/GUARDIA: who is on medical call now; ACK/OK <code>: a medical contact takes a page. */
export function medicalKeywords(service: MedicalService, pages: Pages): KeywordSpec[] {
  return [
    {
      name: 'medical-oncall',
      en: ['ONCALL'],
      es: ['GUARDIA'],
      handle: ({ cmd, sender, lang }) => {
        if (
          sender.kind !== 'volunteer' &&
          sender.kind !== 'user' &&
          !service.findByPhoneIn(cmd.tx, sender.phone)
        )
          return { text: renderMedicalText('medicalOnly', lang) };
        const now = service.onCall(cmd.now, { seesPhones: true }, cmd.tx);
        if (!now.primary) return { text: renderMedicalText('onCallNobody', lang) };
        const who = (p: typeof now.backup) => (p ? `${p.name} ${p.phone}` : '-');
        return {
          text: renderMedicalText('onCall', lang, { primary: who(now.primary), backup: who(now.backup) }),
        };
      },
    },
    {
      name: 'medical-ack',
      en: ['ACK'],
      es: ['OK'],
      // A volunteer's "ok" to an offer is an unclear answer to that, not an acknowledgement.
      accepts: ({ cmd, sender }) => service.findByPhoneIn(cmd.tx, sender.phone) !== null,
      handle: ({ cmd, sender, args, lang }) => {
        const contact = service.findByPhoneIn(cmd.tx, sender.phone);
        if (!contact) return { text: renderMedicalText('medicalOnly', lang) };
        const code = args.map((w) => CODE.exec(w)?.[0]).find((c) => c !== undefined) ?? null;
        return { text: pages.acknowledgeIn(cmd, contact, code, lang) };
      },
    },
  ];
}
