import { renderer, type TextCatalog } from '../../lib/texts';

/** Answers to RELEASE/LIBERACION. */
export const releasesTexts = {
  releaseLogged: {
    en: 'Logged {code}: {group} at {site}. The team is being told. Thank you!',
    es: 'Registrada {code}: {group} en {site}. Avisamos al equipo. Gracias!',
  },
  releaseUsage: {
    en: 'To report a release text RELEASE <site> <adults> <children>, e.g. RELEASE GREY 3 1. Sites: {sites}.',
    es: 'Para reportar envie LIBERACION <sitio> <adultos> <menores>, p. ej. LIBERACION GREY 3 1. Sitios: {sites}.',
  },
} satisfies TextCatalog;

export const renderReleasesText = renderer(releasesTexts);
