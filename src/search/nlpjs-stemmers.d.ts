// Types for the two Snowball stemmers of nlp.js, which ships none. Only the stemmer files are loaded: the packages'
// entry points bring tokenizers, sentiment data and normalisers xenbot does not use.
declare module '@nlpjs/lang-en-min/src/stemmer-en.js' {
  export default class StemmerEn {
    stemWord(word: string): string;
  }
}
declare module '@nlpjs/lang-fr/src/stemmer-fr.js' {
  export default class StemmerFr {
    stemWord(word: string): string;
  }
}
