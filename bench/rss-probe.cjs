// Loaded into each benchmarked Node process (node --require): on exit, writes
// the process's peak resident set size (kB) and CPU time (user + system, ms)
// to $BENCH_RSS_FILE, so no platform tool (GNU time) is needed. The peak is the
// kernel's high-water mark of this process's own memory (VmHWM): getrusage's
// maxRSS also counts the parent's memory at the fork (Linux carries it across
// exec), so it reported the bench's 700 MB of datasets as every later case's peak.
const { readFileSync, writeFileSync } = require('node:fs');

function peakKb() {
  try {
    return Number(/^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))[1]);
  } catch {
    return process.resourceUsage().maxRSS; // no /proc: the portable figure
  }
}

process.on('exit', () => {
  const u = process.resourceUsage();
  if (process.env.BENCH_RSS_FILE)
    writeFileSync(process.env.BENCH_RSS_FILE, JSON.stringify({ kB: peakKb(), cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }));
});
