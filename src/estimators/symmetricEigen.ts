/**
 * Symmetric eigendecompositions by mathjs `eigs`, for the importance proposals (`full`) and the
 * Laplace estimator's Hessian spectrum. mathjs is loaded on first use: importing it costs about a
 * second, which commands that never decompose a matrix should not pay.
 */
import { createRequire } from "node:module";

type MathJs = typeof import("mathjs");
let mathjs: MathJs | undefined;

/** mathjs, loaded on first call. */
export function lazyMathjs(): MathJs {
  mathjs ??= createRequire(import.meta.url)("mathjs") as MathJs;
  return mathjs;
}

/** Row-major D×D matrix as mathjs's nested arrays. */
function nested(M: Float64Array, D: number): number[][] {
  return Array.from({ length: D }, (_, i) => Array.from(M.subarray(i * D, (i + 1) * D)));
}

/**
 * The symmetric eigendecomposition M = V·diag(λ)·Vᵀ of a row-major D×D matrix, eigenvectors as the
 * (unit) columns of V, row-major D×D.
 * @throws Error from mathjs if the matrix has non-finite entries.
 */
export function symmetricEigen(M: Float64Array, D: number): { values: Float64Array; vectors: Float64Array } {
  const result = lazyMathjs().eigs(nested(M, D)) as unknown as { values: number[]; eigenvectors: { value: number; vector: number[] }[] };
  const values = new Float64Array(D);
  const vectors = new Float64Array(D * D);
  result.eigenvectors.forEach((e, j) => {
    values[j] = e.value;
    const norm = Math.hypot(...e.vector);
    for (let i = 0; i < D; i++) vectors[i * D + j] = e.vector[i] / norm;
  });
  return { values, vectors };
}

/** The eigenvalues of a symmetric row-major D×D matrix, ascending. */
export function symmetricEigenvalues(M: Float64Array, D: number): number[] {
  const values = lazyMathjs().eigs(nested(M, D), { eigenvectors: false }).values as unknown as number[];
  return [...values].map(Number).sort((a, b) => a - b);
}
