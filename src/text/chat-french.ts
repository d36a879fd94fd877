// French as typed in chat: short forms and phonetic spellings ("pk", "jsp", "koment", "jpeux"). They are function
// words to the search (stopwords.ts) and a sign of French to the reply (language.ts); one list keeps the two in step.
export const CHAT_FRENCH: readonly string[] = `pk pq kel kelle koment coment komment ke ki koi jsp chui jsuis ya bcp qqn qqch tjrs tjs mtn qd pr
jai jpeux jveux jvais jsais jpense`
  .split(/\s+/)
  .filter(Boolean);
