import { MAX_COUNT } from '../../../shared/releases';
import { groupOf } from '../../lib/texts';
import type { SitesService } from '../sites/sites.service';
import type { KeywordSpec } from '../sms/sms.keywords';
import { renderSmsText } from '../sms/sms.texts';
import type { ReleasesService } from './releases.service';
import { renderReleasesText } from './releases.texts';

const COUNT = /^\d{1,3}$/;

/** RELEASE <site> <adults> [<children>] · LIBERACION …: registered volunteers and users report by text. */
export function releaseKeywords(
  service: ReleasesService,
  sites: Pick<SitesService, 'findByKeywordIn' | 'keywordsIn'>,
): KeywordSpec[] {
  return [
    {
      name: 'releases-report',
      en: ['RELEASE'],
      es: ['LIBERACION'],
      handle: ({ cmd, sender, args, lang }) => {
        if (sender.kind !== 'volunteer' && sender.kind !== 'user')
          return { text: renderSmsText('help', lang) };
        const [keyword, adults, children = '0'] = args;
        const site = keyword ? sites.findByKeywordIn(cmd.tx, keyword) : null;
        if (
          !site ||
          !adults ||
          !COUNT.test(adults) ||
          !COUNT.test(children) ||
          Number(adults) > MAX_COUNT ||
          Number(children) > MAX_COUNT ||
          Number(adults) + Number(children) === 0
        ) {
          const keywords = sites.keywordsIn(cmd.tx).join(', ');
          return { text: renderReleasesText('releaseUsage', lang, { sites: keywords || '-' }) };
        }
        const row = service.createIn(
          cmd,
          { siteId: site.id, adults: Number(adults), children: Number(children), languages: [], needs: [] },
          'sms',
        );
        return {
          text: renderReleasesText('releaseLogged', lang, {
            code: row.code,
            group: groupOf(lang, row.adults, row.children),
            site: site.name,
          }),
        };
      },
    },
  ];
}
