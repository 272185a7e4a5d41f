/**
 * The words that answer a question (an offer, a request to host, a page) in the languages the network's
 * volunteers text in, as the keyword router reads them: upper case, no accents ("não" is NAO).
 */
export const yesWords = { en: ['YES'], es: ['SI'], pt: ['SIM'], ht: ['WI'] } as const;
export const noWords = { en: ['NO'], es: ['NO'], pt: ['NAO'], ht: ['NON'] } as const;
