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
import type { ThresholdClasses } from "./thresholdEnumeration.js";

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
  /** The NPN class whose functions `seen` holds (grouped streams). */
  private current = -1;
  /** Number of classes found so far. */
  classes = 0;

  /**
   * A partition for tables of `width` words, sized for `expected` functions. When the prior's group
   * is the whole NPN group (signed encoding with bias), pass the threshold classes: its classes
   * are then the symmetry classes and no orbit needs walking or storing again.
   *
   * `grouped`: the stream visits NPN classes one after another (a FunctionSource that is not
   * sorted) and passes each table's NPN class to visit and classOf. With a bias every symmetry class
   * lies inside one NPN class, so the partition then forgets the functions of an NPN class when the
   * next one starts: it holds at most one NPN orbit (92,160 functions at 6 inputs), not all 15
   * million, and `expected` need only cover the largest orbit. classOf then knows only the current
   * NPN class's functions.
   * @throws RangeError for `grouped` without bias.
   */
  constructor(
    private readonly spec: PerceptronSpec,
    width: number,
    expected: number,
    private readonly npn?: ThresholdClasses,
    private readonly grouped = false,
  ) {
    if (grouped && !spec.bias) throw new RangeError("a grouped partition needs symmetry classes inside NPN classes: a perceptron with bias");
    this.symmetry = volumeSymmetry(spec);
    const useNpn = npn !== undefined && spec.bias && spec.encoding === "signed" && npn.n === spec.inputs;
    this.npnLocal = useNpn ? new Int32Array(npn.classes.length).fill(-1) : null;
    this.seen = useNpn ? null : new TableMap(width, expected);
  }

  /** The NPN class of a table: the one the stream passed, else looked up. */
  private npnClassOf(table: Uint32Array, npnClass: number): number {
    return npnClass >= 0 ? npnClass : (this.npn as ThresholdClasses).classOf.get(table);
  }

  /** The map of seen functions, emptied when a grouped stream enters another NPN class. */
  private seenFor(npnClass: number): TableMap {
    const seen = this.seen as TableMap;
    if (!this.grouped) return seen;
    if (npnClass < 0) throw new RangeError("a grouped partition needs each table's NPN class");
    if (npnClass !== this.current) {
      seen.clear();
      this.current = npnClass;
    }
    return seen;
  }

  /**
   * Index of the class of a table already visited (classes are numbered in order of discovery), or
   * −1; `npnClass` as for visit.
   */
  classOf(table: Uint32Array, npnClass = -1): number {
    if (this.npnLocal) return this.npnLocal[this.npnClassOf(table, npnClass)] ?? -1;
    return this.seenFor(npnClass).get(table);
  }

  /**
   * Orbit size of table if it starts a new class, else 0. `npnClass`: the table's NPN class when
   * the stream knows it (required when grouped), else −1.
   */
  visit(table: Uint32Array, npnClass = -1): number {
    if (this.npnLocal && this.npn) {
      const c = this.npnClassOf(table, npnClass);
      if (this.npnLocal[c] >= 0) return 0;
      this.npnLocal[c] = this.classes++;
      return this.npn.classes[c].orbit;
    }
    const seen = this.seenFor(npnClass);
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
