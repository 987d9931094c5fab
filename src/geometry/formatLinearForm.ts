/**
 * Printing integer linear constraints with named variables, in the syntax `parseConstraints` reads
 * back: `2*w1-w3+b>0`, one constraint a line, an optional `# names: …` header fixing the order.
 */

/**
 * A linear form Σ c_i·names[i] without spaces: unit coefficients drop the `1*`, zero terms are
 * omitted, and the all-zero form prints as `0`.
 * @param coefficients one integer per variable (bigint or safe-integer number).
 * @param names one name per coefficient.
 * @throws RangeError if the lengths differ.
 */
export function formatLinearForm(
  coefficients: readonly (bigint | number)[],
  names: readonly string[],
): string {
  if (coefficients.length !== names.length) {
    throw new RangeError(`formatLinearForm: ${coefficients.length} coefficients for ${names.length} names`);
  }
  let out = "";
  coefficients.forEach((raw, i) => {
    const c = BigInt(raw);
    if (c === 0n) return;
    const size = c < 0n ? -c : c;
    const term = size === 1n ? names[i] : `${size}*${names[i]}`;
    out += c < 0n ? `-${term}` : out === "" ? term : `+${term}`;
  });
  return out === "" ? "0" : out;
}

/**
 * The constraint `row·θ > 0` as text, e.g. `w1-2*w2>0`.
 * @throws RangeError if the lengths differ.
 */
export function formatConstraint(row: readonly (bigint | number)[], names: readonly string[]): string {
  return `${formatLinearForm(row, names)}>0`;
}

/**
 * A whole system as parseable text: a `# names:` header (so variables that appear in no row, and
 * the order, survive a round trip) and one constraint a line.
 * @throws RangeError if a row's length differs from the number of names.
 */
export function formatConstraints(rows: readonly (readonly (bigint | number)[])[], names: readonly string[]): string {
  return [`# names: ${names.join(", ")}`, ...rows.map((r) => formatConstraint(r, names))].join("\n") + "\n";
}
