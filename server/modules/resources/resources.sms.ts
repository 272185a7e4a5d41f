import type { ResourceTag } from '../../../shared/resources';
import type { KeywordSpec } from '../sms/sms.keywords';
import { renderSmsText } from '../sms/sms.texts';
import type { ResourcesService } from './resources.service';
import { renderResourcesText } from './resources.texts';

/** A topic as volunteers would text it, in either language. */
const TOPICS: Record<string, ResourceTag> = {
  HEALTH: 'health',
  SALUD: 'health',
  COVID: 'health',
  LEGAL: 'legal',
  RIGHTS: 'legal',
  DERECHOS: 'legal',
  TRAVEL: 'travel',
  BUS: 'travel',
  VIAJE: 'travel',
  LOCAL: 'local_services',
  SERVICES: 'local_services',
  SERVICIOS: 'local_services',
  HOUSING: 'housing',
  ALOJAMIENTO: 'housing',
};
/** Links in one reply: a text a volunteer can forward as it is. */
const MAX_SHEETS = 3;

/**
 * SHEETS [topic] · HOJAS [tema]: a volunteer at the station gets links to forward, in English or Spanish
 * by the keyword they used (the closest each sheet has). Only for people the network knows.
 */
export function resourcesKeywords(library: ResourcesService): KeywordSpec[] {
  return [
    {
      name: 'resources-sheets',
      en: ['SHEETS'],
      es: ['HOJAS'],
      handle: ({ sender, args, lang, keyword }) => {
        if (sender.kind === 'unknown' || sender.id === null) return { text: renderSmsText('help', lang) };
        const tag = args[0] ? TOPICS[args[0]] : undefined;
        if (args[0] && !tag) return { text: renderResourcesText('sheetsTopics', lang) };
        // The reply follows the volunteer's profile; the sheets, the word they texted: HOJAS means Spanish
        // links to forward, whatever language the volunteer reads.
        const sheetLanguage = keyword.toUpperCase() === 'HOJAS' ? 'es' : 'en';
        const found = library
          .list(tag)
          .items.map((item) => ({ item, served: library.pick(item.id, sheetLanguage).version?.language }))
          .filter((x): x is { item: (typeof x)['item']; served: string } => x.served !== undefined)
          .slice(0, MAX_SHEETS);
        if (found.length === 0) return { text: renderResourcesText('sheetsNone', lang) };
        const list = found.map(({ item, served }) => `${item.title} ${library.publicUrl(item.slug, served)}`);
        return { text: renderResourcesText('sheetsList', lang, { list: list.join('\n') }) };
      },
    },
  ];
}
