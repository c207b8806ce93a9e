/** "1 volume", "3 volumes". */
export const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
