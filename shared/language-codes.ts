/**
 * Languages people here speak, by code: ISO 639-1 where one exists, else ISO 639-3. Each has its
 * name in English, in Spanish and in the language itself, plus other spellings people type
 * (volunteers write "Kiche", "Quiché", "Creole"), so a typed name is stored as the code dispatch
 * matches on. The Mayan and other languages of people released at the southern border are here
 * because Intl.DisplayNames knows few of them.
 */
export interface LanguageEntry {
  code: string;
  en: string;
  es: string;
  native: string;
  aliases?: readonly string[];
}

export const LANGUAGES: readonly LanguageEntry[] = [
  { code: 'en', en: 'English', es: 'inglés', native: 'English', aliases: ['ingles', 'eng'] },
  { code: 'es', en: 'Spanish', es: 'español', native: 'español', aliases: ['castellano', 'spa'] },
  { code: 'pt', en: 'Portuguese', es: 'portugués', native: 'português', aliases: ['portugues', 'por'] },
  { code: 'fr', en: 'French', es: 'francés', native: 'français', aliases: ['frances', 'fra'] },
  {
    code: 'ht',
    en: 'Haitian Creole',
    es: 'criollo haitiano',
    native: 'Kreyòl ayisyen',
    aliases: ['Kreyòl', 'Kreyol', 'Creole', 'Haitian', 'créole haïtien', 'creole haitiano', 'hat'],
  },
  { code: 'ar', en: 'Arabic', es: 'árabe', native: 'العربية', aliases: ['arabe', 'ara'] },
  { code: 'zh', en: 'Chinese', es: 'chino', native: '中文', aliases: ['Mandarin', 'mandarín', 'zho', 'cmn'] },
  { code: 'ru', en: 'Russian', es: 'ruso', native: 'русский', aliases: ['rus'] },
  { code: 'hi', en: 'Hindi', es: 'hindi', native: 'हिन्दी', aliases: ['hin'] },
  { code: 'pa', en: 'Punjabi', es: 'panyabí', native: 'ਪੰਜਾਬੀ', aliases: ['panjabi', 'punyabi'] },
  { code: 'uk', en: 'Ukrainian', es: 'ucraniano', native: 'українська', aliases: ['ukr'] },
  { code: 'ps', en: 'Pashto', es: 'pastún', native: 'پښتو', aliases: ['pastun', 'pashtu'] },
  { code: 'fa', en: 'Persian', es: 'persa', native: 'فارسی', aliases: ['Farsi', 'Dari', 'prs'] },
  { code: 'tr', en: 'Turkish', es: 'turco', native: 'Türkçe', aliases: ['turkce'] },
  { code: 'wo', en: 'Wolof', es: 'wolof', native: 'Wolof' },
  { code: 'ff', en: 'Fula', es: 'fula', native: 'Fulfulde', aliases: ['Fulani', 'Pulaar', 'Peul'] },
  { code: 'so', en: 'Somali', es: 'somalí', native: 'Soomaali', aliases: ['somali'] },
  { code: 'am', en: 'Amharic', es: 'amárico', native: 'አማርኛ', aliases: ['amarico'] },
  { code: 'ti', en: 'Tigrinya', es: 'tigriña', native: 'ትግርኛ', aliases: ['tigrina', 'tigriña'] },
  { code: 'ln', en: 'Lingala', es: 'lingala', native: 'Lingála' },
  { code: 'vi', en: 'Vietnamese', es: 'vietnamita', native: 'Tiếng Việt' },
  { code: 'bn', en: 'Bengali', es: 'bengalí', native: 'বাংলা', aliases: ['Bangla', 'bengali'] },
  { code: 'ne', en: 'Nepali', es: 'nepalí', native: 'नेपाली', aliases: ['nepali'] },
  { code: 'quc', en: "K'iche'", es: "k'iche'", native: "K'iche'", aliases: ['Kiche', 'Quiché', 'Quiche'] },
  { code: 'mam', en: 'Mam', es: 'mam', native: 'Qyol Mam' },
  {
    code: 'kjb',
    en: "Q'anjob'al",
    es: "q'anjob'al",
    native: "Q'anjob'al",
    aliases: ['Qanjobal', 'Kanjobal'],
  },
  {
    code: 'cak',
    en: 'Kaqchikel',
    es: 'kaqchikel',
    native: 'Kaqchikel',
    aliases: ['Cakchiquel', 'Cakchiquel'],
  },
  { code: 'ixl', en: 'Ixil', es: 'ixil', native: 'Ixil' },
  { code: 'tzj', en: "Tz'utujil", es: "tz'utujil", native: "Tz'utujil", aliases: ['Tzutujil'] },
  { code: 'ctu', en: 'Chol', es: 'chol', native: "Ch'ol", aliases: ['Chʼol'] },
  { code: 'tzo', en: 'Tzotzil', es: 'tzotzil', native: 'Batsʼi kʼop' },
  { code: 'tzh', en: 'Tzeltal', es: 'tzeltal', native: "Bats'il k'op" },
  { code: 'poh', en: "Poqomchi'", es: "poqomchi'", native: "Poqomchi'", aliases: ['Pocomchi', 'Poqomchi'] },
  { code: 'acr', en: 'Achi', es: 'achí', native: 'Achi' },
  { code: 'jac', en: "Popti'", es: "popti'", native: "Popti'", aliases: ['Jakaltek', 'Jacalteco', 'Popti'] },
  { code: 'kek', en: "Q'eqchi'", es: "q'eqchi'", native: "Q'eqchi'", aliases: ['Kekchi', 'Qeqchi'] },
  { code: 'chj', en: 'Chuj', es: 'chuj', native: 'Chuj' },
  { code: 'agu', en: 'Awakateko', es: 'awakateko', native: 'Awakateko', aliases: ['Aguacateco'] },
  { code: 'yua', en: 'Yucatec Maya', es: 'maya yucateco', native: "Maaya t'aan", aliases: ['Maya'] },
  { code: 'mix', en: 'Mixtec', es: 'mixteco', native: "Tu'un savi" },
  { code: 'zap', en: 'Zapotec', es: 'zapoteco', native: 'Diidxazá' },
  { code: 'nah', en: 'Nahuatl', es: 'náhuatl', native: 'Nāhuatl', aliases: ['nahuatl'] },
  { code: 'qu', en: 'Quechua', es: 'quechua', native: 'Runa simi' },
  { code: 'gn', en: 'Guarani', es: 'guaraní', native: "Avañe'ẽ", aliases: ['guarani'] },
  { code: 'cab', en: 'Garifuna', es: 'garífuna', native: 'Garifuna' },
  { code: 'miq', en: 'Miskito', es: 'misquito', native: 'Miskitu', aliases: ['Mískito'] },
];

/** Case, accents and apostrophe shapes don't matter when a name is looked up. */
export function languageKey(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘ʼ`']/g, '')
    .replace(/\s+/g, ' ');
}

const byName = new Map<string, string>();
const byCode = new Map<string, LanguageEntry>();
for (const entry of LANGUAGES) {
  byCode.set(entry.code, entry);
  for (const name of [entry.code, entry.en, entry.es, entry.native, ...(entry.aliases ?? [])]) {
    const key = languageKey(name);
    if (!byName.has(key)) byName.set(key, entry.code);
  }
}

/** The code for a typed name or code ("Spanish", "español", "Kiche" → es, es, quc), or null. */
export function languageCode(value: string): string | null {
  return byName.get(languageKey(value)) ?? null;
}

/** The table's entry for a code, or undefined for codes it does not list. */
export function languageEntry(code: string): LanguageEntry | undefined {
  return byCode.get(code.toLowerCase());
}
