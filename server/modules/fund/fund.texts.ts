import { renderer, type TextCatalog } from '../../lib/texts';

/** What coordinators hear when a disbursement above FUND_APPROVAL_CENTS waits for one of them. */
export const fundTexts = {
  disbursementPending: {
    en: 'Bienvenida: {amount} for {purpose} waits for approval. Open Fund on the dashboard to approve or reject.',
    es: 'Bienvenida: {amount} para {purpose} espera aprobacion. Abra Fondo en el panel para aprobar o rechazar.',
  },
} satisfies TextCatalog;

/** What the money is for, as said in a text. */
export const fundWords = {
  purpose_ticket: { en: 'tickets', es: 'pasajes' },
  purpose_food: { en: 'food', es: 'comida' },
  purpose_cash: { en: 'cash', es: 'efectivo' },
  purpose_lodging: { en: 'lodging', es: 'alojamiento' },
  purpose_phone: { en: 'a phone', es: 'un telefono' },
  purpose_other: { en: 'other costs', es: 'otros gastos' },
} satisfies TextCatalog;

export const renderFundText = renderer(fundTexts);
export const renderFundWord = renderer(fundWords);
