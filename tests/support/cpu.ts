// CPU time of this process spent in `fn`, in milliseconds. Bounds in tests are on CPU, not wall-clock time: on a machine
// shared by many jobs the wall clock measures the others. Speed itself is measured by the benchmark scripts.
export function cpuMs(fn: () => void): number {
  const before = process.cpuUsage();
  fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}
