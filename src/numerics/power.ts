/** x^n for the electron–phonon power laws: by multiplication for n = 4, 5, 6 (Math.pow costs ~50 ns
 * a call in V8, several times a whole table lookup), Math.pow otherwise. Within 2 ulp of x ** n. */
export function power(x: number, n: number): number {
  switch (n) {
    case 4: {
      const x2 = x * x;
      return x2 * x2;
    }
    case 5: {
      const x2 = x * x;
      return x2 * x2 * x;
    }
    case 6: {
      const x3 = x * x * x;
      return x3 * x3;
    }
    default:
      return x ** n;
  }
}
