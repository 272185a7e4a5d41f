import { redactPhone } from '../../lib/redact';
import type { KeywordSpec } from './sms.keywords';
import { addOptOut, removeOptOut } from './sms.repo';
import { renderSmsText } from './sms.texts';

/** The keywords anyone may send (API.md): opt out, opt back in, and help. */
export const optOutKeywords: KeywordSpec[] = [
  {
    name: 'opt-out',
    en: ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT'],
    es: ['PARAR', 'ALTO', 'BAJA', 'CANCELAR'],
    anyone: true,
    handle: ({ cmd, sender, keyword, lang }) => {
      if (addOptOut(cmd.tx, sender.phone, keyword, cmd.now)) {
        cmd.audit({
          action: 'sms.opt_out',
          entity: 'phone',
          changes: { phone: redactPhone(sender.phone), keyword },
        });
        cmd.emit('sms.opt_out', {
          phone: redactPhone(sender.phone),
          senderKind: sender.kind,
          senderId: sender.id,
        });
      }
      return { text: renderSmsText('optedOut', lang), kind: 'opt_confirmation' };
    },
  },
  {
    name: 'opt-in',
    en: ['START', 'UNSTOP'],
    es: ['ALTA'],
    anyone: true,
    handle: ({ cmd, sender, keyword, lang }) => {
      if (removeOptOut(cmd.tx, sender.phone)) {
        cmd.audit({
          action: 'sms.opt_in',
          entity: 'phone',
          changes: { phone: redactPhone(sender.phone), keyword },
        });
        cmd.emit('sms.opt_in', {
          phone: redactPhone(sender.phone),
          senderKind: sender.kind,
          senderId: sender.id,
        });
      }
      return { text: renderSmsText('optedIn', lang), kind: 'opt_confirmation' };
    },
  },
  {
    name: 'help',
    en: ['HELP', 'INFO'],
    es: ['AYUDA'],
    anyone: true,
    // Carriers expect HELP answered even after STOP, so it goes as a compliance reply.
    handle: ({ lang }) => ({ text: renderSmsText('help', lang), kind: 'opt_confirmation' }),
  },
];
