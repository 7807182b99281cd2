# Sourced by the benchmarks: what the machine gave a run, printed with its figures. On two shared virtual cores the
# load average is not enough: the hypervisor may give part of each core's time to other guests ("steal" in
# /proc/stat), and every rate measured then falls with it.

# The first line of a run; remembers the CPU counters for machine_end.
machine_start() {
  MACHINE_CPU_AT_START=$(head -1 /proc/stat)
  echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

# The load average now, and the share of CPU time stolen from this machine since machine_start.
machine_end() {
  awk -v start="$MACHINE_CPU_AT_START" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" 'NR == 1 {
    split(start, before, " ")
    total = 0
    for (i = 2; i <= 9; i++) total += $i - before[i] # user nice system idle iowait irq softirq steal
    printf "load average at the end: %s; CPU time stolen by the hypervisor during the run: %.0f%%\n", load,
      (total > 0 ? 100 * ($9 - before[9]) / total : 0)
  }' /proc/stat
}

# Passes a benchmark's output through, with machine_end just before its last line (the result checks read there).
machine_end_before_last() {
  local line previous had=false
  while IFS= read -r line; do
    if $had; then printf '%s\n' "$previous"; fi
    previous=$line
    had=true
  done
  machine_end
  if $had; then printf '%s\n' "$previous"; fi
}
