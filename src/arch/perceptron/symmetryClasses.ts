/**
 * Symmetry classes of a perceptron's functions under the maps of weight space that preserve the
 * prior (design.md): input permutations and θ ↦ −θ always; input negations only in the signed
 * encoding (in the binary encoding negating an input is a shear, not a symmetry of the prior).
 * Without bias in the binary encoding, θ ↦ −θ negates the output on every input but the zero
 * input, whose output is always 0.
 */
import { TableMap } from "../../boolean/tableSet.js";
import { complementWords, flipRowWord } from "../../boolean/tableWords.js";
import { groupOrder, type SymmetryGroup, walkGroup } from "../../boolean/symmetryGroup.js";
import type { PerceptronSpec } from "./perceptronSpec.js";
import type { ThresholdEnumeration } from "./thresholdEnumeration.js";

/** The symmetry group (without the output map) and how θ ↦ −θ acts on tables. */
export interface VolumeSymmetry {
  /** Permutations and (signed) input negations; output negation is handled by `negateOutput`. */
  readonly group: SymmetryGroup;
  /** The table of −θ's function, in place. */
  negateOutput(table: Uint32Array): void;
  /** Number of maps (|group| × 2). */
  readonly order: number;
}

/** The prior-preserving symmetries of a perceptron's weight space, acting on functions. */
export function volumeSymmetry(spec: PerceptronSpec): VolumeSymmetry {
  const group: SymmetryGroup = {
    permuteInputs: true,
    negateInputs: spec.encoding === "signed",
    negateOutput: false,
  };
  const keepZeroRow = !spec.bias && spec.encoding === "binary";
  return {
    group,
    negateOutput: (t) => {
      complementWords(t, spec.inputs);
      if (keepZeroRow) flipRowWord(t, 0);
    },
    order: groupOrder(spec.inputs, group) * 2,
  };
}

/**
 * Partitions functions into symmetry classes as they stream past: for each function not yet
 * seen, walks its orbit and returns its size; returns 0 for functions already in a class.
 */
export class ClassPartition {
  private readonly seen: TableMap | null;
  private readonly symmetry: VolumeSymmetry;
  /** Local class index of each NPN class of `npn`, when the prior's group is the NPN group. */
  private readonly npnLocal: Int32Array | null;
  /** Number of classes found so far. */
  classes = 0;

  /**
   * A partition for tables of `width` words, sized for `expected` functions. When the prior's group
   * is the whole NPN group (signed encoding with bias), pass the threshold enumeration: its classes
   * are then the symmetry classes and no orbit needs walking or storing again.
   */
  constructor(
    private readonly spec: PerceptronSpec,
    width: number,
    expected: number,
    private readonly npn?: ThresholdEnumeration,
  ) {
    this.symmetry = volumeSymmetry(spec);
    const useNpn = npn !== undefined && spec.bias && spec.encoding === "signed" && npn.n === spec.inputs;
    this.npnLocal = useNpn ? new Int32Array(npn.classes.length).fill(-1) : null;
    this.seen = useNpn ? null : new TableMap(width, expected);
  }

  /** Index of the class of a table already visited (classes are numbered in order of discovery), or −1. */
  classOf(table: Uint32Array): number {
    if (this.npnLocal && this.npn) return this.npnLocal[this.npn.classOf.get(table)] ?? -1;
    return this.seen?.get(table) ?? -1;
  }

  /** Orbit size of table if it starts a new class, else 0. */
  visit(table: Uint32Array): number {
    if (this.npnLocal && this.npn) {
      const c = this.npn.classOf.get(table);
      if (this.npnLocal[c] >= 0) return 0;
      this.npnLocal[c] = this.classes++;
      return this.npn.classes[c].orbit;
    }
    const seen = this.seen as TableMap;
    if (seen.get(table) >= 0) return 0;
    let orbit = 0;
    const copy = Uint32Array.from(table);
    walkGroup(copy, this.spec.inputs, this.symmetry.group, (image) => {
      if (seen.setIfAbsent(image, this.classes)) orbit++;
      this.symmetry.negateOutput(image);
      if (seen.setIfAbsent(image, this.classes)) orbit++;
      this.symmetry.negateOutput(image);
    });
    this.classes++;
    return orbit;
  }
}
