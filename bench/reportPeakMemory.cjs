// Preloaded into each benchmarked CLI run (node --require): reports the process's peak resident
// memory on stderr at exit, so the benchmark can print it without a platform-specific `time`.
process.on("exit", () => {
  process.stderr.write(`\nbench-max-rss-kib ${process.resourceUsage().maxRSS}\n`);
});
