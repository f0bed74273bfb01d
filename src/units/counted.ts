/** `n noun`, with the noun's plural in s unless n is 1: counted(1, 'point') → '1 point'. */
export const counted = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
