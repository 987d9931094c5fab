#!/usr/bin/env node
/**
 * The `weightspace` command line. Bad input is one line on stderr and exit code 2; data goes to
 * stdout (or --out), progress to stderr.
 */
import { Command, CommanderError } from "commander";
import { loadLp } from "../geometry/lp.js";
import { UsageError } from "./usageError.js";
import { VERSION } from "./version.js";

/**
 * Every command, in help order, with the loader of its module: a run loads only the module of the
 * command it names (the whole set costs ~0.1 s of start-up, a visible share of a sampling run);
 * help, --version and unknown commands load them all.
 */
const COMMAND_MODULES: Readonly<Record<string, () => Promise<(program: Command) => void>>> = {
  table: async () => (await import("./tableCommand.js")).registerTable,
  volume: async () => (await import("./volumeCommand.js")).registerVolume,
  cone: async () => (await import("./coneCommand.js")).registerCone,
  regions: async () => (await import("./regionsCommand.js")).registerRegions,
  complexity: async () => (await import("./complexityCommand.js")).registerComplexity,
  bias: async () => (await import("./biasCommand.js")).registerBias,
  report: async () => (await import("./reportCommand.js")).registerReport,
  estimate: async () => (await import("./estimateCommand.js")).registerEstimate,
  validate: async () => (await import("./validateCommand.js")).registerValidate,
  merge: async () => (await import("./mergeCommand.js")).registerMerge,
  plan: async () => (await import("./planCommand.js")).registerPlan,
  plot: async () => (await import("./plotCommand.js")).registerPlot,
  "sgd-vs-bayes": async () => (await import("./sgdVsBayesCommand.js")).registerSgdVsBayes,
  export: async () => (await import("./exportCommand.js")).registerExport,
  score: async () => (await import("./scoreCommand.js")).registerScore,
};
const COMMANDS = Object.keys(COMMAND_MODULES);

// A reader that stops early (`| head`) closes the pipe: that ends the job, it is not an error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});

const program = new Command("weightspace")
  .description("exact geometry of tiny neural networks' weight spaces")
  .version(VERSION, "-V, --version", "print the version")
  .showHelpAfterError(false)
  .exitOverride()
  .configureOutput({ writeErr: () => {} });
const named = process.argv[2];
const needed = named !== undefined && Object.hasOwn(COMMAND_MODULES, named) ? [named] : COMMANDS;
for (const register of await Promise.all(needed.map((c) => COMMAND_MODULES[c]()))) register(program);
for (const sub of program.commands) sub.exitOverride().configureOutput({ writeErr: () => {} });
program.addHelpCommand(false);
program
  .command("help [command]")
  .description("help on a command")
  .action((name?: string) => {
    if (name === undefined) return program.outputHelp();
    const sub = program.commands.find((c) => c.name() === name);
    if (!sub) throw new UsageError(`help: unknown command '${name}'; allowed: ${COMMANDS.join(", ")}`);
    sub.outputHelp();
  });

function fail(message: string, code: number): void {
  process.stderr.write(
    `weightspace: ${message
      .replace(/^error: /, "")
      .replace(/\s+/g, " ")
      .trim()}\n`,
  );
  process.exitCode = code;
}

try {
  // The LP solver speeds up every region the commands decide; the library itself loads it only on request.
  await loadLp();
  if (process.argv.length <= 2) {
    throw new UsageError(`a command is required; allowed: ${COMMANDS.join(", ")} (see --help)`);
  }
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    if (
      e.code === "commander.helpDisplayed" ||
      e.code === "commander.version" ||
      e.code === "commander.help"
    ) {
      process.exitCode = 0;
    } else fail(e.message, 2);
  } else if (e instanceof UsageError) fail(e.message, 2);
  else {
    // Bad input is caught and named where it is parsed; anything else reaching here is a defect.
    const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    fail(`internal error (this is a bug; please report it with the command line that caused it): ${what}`, 1);
    if (process.env.WEIGHTSPACE_DEBUG === "1" && e instanceof Error) process.stderr.write(`${e.stack}\n`);
  }
}
