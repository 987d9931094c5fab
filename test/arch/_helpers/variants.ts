/** The four perceptron variants (bias or not × binary or signed inputs) the tests run over. */
export const VARIANTS = [
  { bias: true, encoding: "binary" },
  { bias: true, encoding: "signed" },
  { bias: false, encoding: "binary" },
  { bias: false, encoding: "signed" },
] as const;
