// Loaded into each benchmarked Node process (node --require): on exit, writes
// the process's peak resident set size (kB) and CPU time (user + system, ms)
// to $BENCH_RSS_FILE, so no platform tool (GNU time) is needed.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  const u = process.resourceUsage();
  if (process.env.BENCH_RSS_FILE)
    writeFileSync(process.env.BENCH_RSS_FILE, JSON.stringify({ kB: u.maxRSS, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }));
});
