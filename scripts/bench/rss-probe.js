// Preloaded (node -r) into the processes the benchmark times: on exit, prints the process's peak
// resident memory on stderr as "BENCH_MAX_RSS_KB <n>" for scripts/bench.js to pick up.
process.on("exit", () => {
  process.stderr.write(`\nBENCH_MAX_RSS_KB ${process.resourceUsage().maxRSS}\n`);
});
