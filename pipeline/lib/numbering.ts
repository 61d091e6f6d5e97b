/** A place where a numbered sequence leaves 1, 2, 3 …: the item at `index` bears `number` where `expected` was due. */
export interface NumberingBreak {
  index: number;
  number: number;
  expected: number;
}

/**
 * Where numbers meant to run 1..n without gaps or repeats break. The number due
 * is one past the highest seen so far, so a gap is reported once where it opens
 * (a number above the one due) and a repeat where it falls back (one below).
 */
export function numberingBreaks(numbers: readonly number[]): NumberingBreak[] {
  const breaks: NumberingBreak[] = [];
  let expected = 1;
  numbers.forEach((number, index) => {
    if (number !== expected) breaks.push({ index, number, expected });
    expected = Math.max(expected, number + 1);
  });
  return breaks;
}
