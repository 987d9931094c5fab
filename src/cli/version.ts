/** The tool's version, read from its package.json (dist/cli and src/cli are both two levels down). */
import { createRequire } from "node:module";

/** The package version, e.g. `0.1.0`. */
export const VERSION: string = (createRequire(import.meta.url)("../../package.json") as { version: string }).version;
