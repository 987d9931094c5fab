/**
 * The NNGP kernel of a network on its 2^n inputs: the covariance of the output unit's
 * pre-activation over the prior, layer by layer (Neal 1996; Lee et al. 2018; Valle-Pérez et al.
 * 2019). A unit with weights w (variances σ²_{w,i}) and bias b (σ²_b) on features a has
 *   K(x, x') = σ²_b + Σ_i σ²_{w,i} E[a_i(x) a_i(x')],
 * and a hidden unit's features are E[φ(z(x)) φ(z(x'))] for z a centred Gaussian with that
 * covariance: the arc-cosine kernels (Cho & Saul 2009) of order 0 for step units,
 *   E = (π − θ)/(2π),
 * and order 1 for ReLU units,
 *   E = √(K(x,x)K(x',x'))·(sin θ + (π − θ) cos θ)/(2π),  θ = arccos(K(x,x')/√(K(x,x)K(x',x'))).
 * Per-unit variances are used as the prior gives them (no 1/fan-in scaling). For a perceptron the
 * kernel is the exact covariance (linear), for one hidden layer the output covariance is exact too
 * (first-layer pre-activations are Gaussian under a Gaussian prior); with two hidden layers the
 * second layer's pre-activations are treated as Gaussian, the NNGP approximation.
 */
import type { Architecture } from "../arch/architecture.js";
import type { LayeredArchitecture } from "../arch/layered/layeredArchitecture.js";
import { layerBlocks } from "../arch/layered/layeredSpec.js";
import type { PerceptronArchitecture } from "../arch/perceptron/perceptronArchitecture.js";
import { encodeRow } from "../boolean/encoding.js";

/** One layer's units: where each unit's weights and bias sit in θ. */
interface LayerLayout {
  readonly units: number;
  readonly fanIn: number;
  /** Index in θ of unit j's weight from input (feature) i. */
  weight(j: number, i: number): number;
  /** Index in θ of unit j's bias, or -1 without one. */
  bias(j: number): number;
}

/** The kernel's name for outputs, by hidden activation. */
export function kernelName(arch: Architecture): string {
  if (arch.type === "perceptron") return "linear σ_w²⟨x, x'⟩ + σ_b²";
  if (arch.type === "step") return "arc-cosine order 0 (step units)";
  if (arch.type === "relu") return "arc-cosine order 1 (ReLU units)";
  throw new RangeError(`no NNGP kernel for architecture '${arch.type}'; allowed: perceptron, step, relu`);
}

function layouts(arch: Architecture): LayerLayout[] {
  if (arch.type === "perceptron") {
    const spec = (arch as PerceptronArchitecture).spec;
    const n = spec.inputs;
    return [{ units: 1, fanIn: n, weight: (_j, i) => i, bias: () => (spec.bias ? n : -1) }];
  }
  kernelName(arch);
  return layerBlocks((arch as LayeredArchitecture).spec).map((b) => ({
    units: b.units,
    fanIn: b.fanIn,
    weight: (j, i) => b.weights + j * b.fanIn + i,
    bias: (j) => b.biases + j,
  }));
}

/** E[φ(z)φ(z')] for centred Gaussian (z, z') with variances kaa, kbb and covariance kab. */
function arcCosine(step: boolean, kaa: number, kbb: number, kab: number): number {
  // A unit whose pre-activation is identically 0 on an input is 0 there (step: 1 iff z > 0).
  if (kaa <= 0 || kbb <= 0) return 0;
  const norm = Math.sqrt(kaa * kbb);
  const angle = Math.acos(Math.max(-1, Math.min(1, kab / norm)));
  if (step) return (Math.PI - angle) / (2 * Math.PI);
  return (norm * (Math.sin(angle) + (Math.PI - angle) * Math.cos(angle))) / (2 * Math.PI);
}

/**
 * The output pre-activation's covariance on the 2^n inputs (row i = input i in truth-table order),
 * N×N row-major, N = 2^n, given the prior variance of every parameter.
 * @throws RangeError for an architecture without a kernel here or variances of the wrong length.
 */
export function nngpKernel(arch: Architecture, variances: Float64Array): Float64Array {
  if (variances.length !== arch.parameters.length)
    throw new RangeError(`nngpKernel: ${variances.length} variances for ${arch.parameters.length} parameters`);
  const n = arch.inputs;
  const rows = 2 ** n;
  const step = arch.type === "step";
  const xs = Array.from({ length: rows }, (_, r) => encodeRow(n, r, arch.encoding));
  // Feature products E[a_i(x) a_i(x')], one N×N matrix per feature; the inputs first.
  let features: Float64Array[] = Array.from({ length: n }, (_, i) => {
    const m = new Float64Array(rows * rows);
    for (let a = 0; a < rows; a++) for (let b = 0; b < rows; b++) m[a * rows + b] = xs[a][i] * xs[b][i];
    return m;
  });
  const all = layouts(arch);
  let kernels: Float64Array[] = [];
  all.forEach((layer, l) => {
    kernels = Array.from({ length: layer.units }, (_, j) => {
      const k = new Float64Array(rows * rows);
      const bi = layer.bias(j);
      if (bi >= 0) k.fill(variances[bi]);
      for (let i = 0; i < layer.fanIn; i++) {
        const s = variances[layer.weight(j, i)];
        const f = features[i];
        for (let e = 0; e < k.length; e++) k[e] += s * f[e];
      }
      return k;
    });
    if (l === all.length - 1) return;
    features = kernels.map((k) => {
      const e = new Float64Array(rows * rows);
      for (let a = 0; a < rows; a++)
        for (let b = 0; b < rows; b++) e[a * rows + b] = arcCosine(step, k[a * rows + a], k[b * rows + b], k[a * rows + b]);
      return e;
    });
  });
  return kernels[0];
}
