/**
 * Loads glpk.js before every test file, as the CLI does at start, so the LP-first path of the
 * geometry is what the tests exercise; the exact-only path is tested where lpReady() is false
 * (test/publicApi.test.ts runs a fresh process).
 */
import { loadLp } from "../../src/geometry/lp.js";

await loadLp();
