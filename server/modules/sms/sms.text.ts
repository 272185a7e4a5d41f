import { SegmentedMessage } from 'sms-segments-calculator';

/** Accents, case and extra spaces don't matter in a keyword: "  sí " is "SI". */
export function normalizeKeywordText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export interface SegmentInfo {
  encoding: 'GSM-7' | 'UCS-2';
  segments: number;
}

/** What the carrier will bill: one á, í, ó or ú turns a message into UCS-2 (70 characters a part). */
export function segmentInfo(body: string): SegmentInfo {
  const m = new SegmentedMessage(body);
  return { encoding: m.encodingName === 'UCS-2' ? 'UCS-2' : 'GSM-7', segments: m.segmentsCount };
}
