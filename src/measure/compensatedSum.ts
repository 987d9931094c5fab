/**
 * Neumaier's compensated summation: the rounding error of each addition is carried in a separate
 * term, so a long sum of mixed-sign terms is accurate to about one ulp of the largest partial
 * magnitude instead of n ulps.
 */

/** A running compensated sum. */
export class CompensatedSum {
  private s = 0;
  private c = 0;

  /** Adds x. */
  add(x: number): void {
    const t = this.s + x;
    // Whichever operand is larger in magnitude keeps its low-order bits in t; recover the other's.
    this.c += Math.abs(this.s) >= Math.abs(x) ? this.s - t + x : x - t + this.s;
    this.s = t;
  }

  /** The current sum. */
  value(): number {
    return this.s + this.c;
  }
}
