// Optimal-string-alignment distance: Levenshtein plus adjacent transpositions, the commonest typo ("mdoe").

/** Distance between a and b, or `limit + 1` as soon as it is known to exceed `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (a === b) return 0;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prevPrev[j - 2]! + 1);
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > limit) return limit + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** How many typos a word of this length may carry and still be recognised. */
export function typoAllowance(word: string): number {
  if (word.length < 4) return 0; // "kvm" vs "hvm" are different things
  if (/\d/.test(word)) return /^\p{L}{4,}\d+$/u.test(word) ? 1 : 0; // "credti2" yes; "4.3" vs "4.4" never
  return word.length >= 8 ? 2 : 1;
}

/** The digits of a word: a correction must keep them ("credti2" → "credit2", never "credit1"). */
export function digitsOf(word: string): string {
  return word.replace(/\D/g, '');
}
