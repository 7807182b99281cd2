# Sourced by the benchmarks: what the machine gave a run, printed with its figures. On two shared virtual cores the
# load average is not enough: the hypervisor may give part of each core's time to other guests ("steal" in
# /proc/stat), and every rate measured then falls with it.

# The first line of a run; remembers the CPU counters for machine_end.
machine_start() {
  MACHINE_CPU_AT_START=$(head -1 /proc/stat)
  echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

# Waits until the machine is quiet (under 15 % of its CPU busy over a second; 30 s at most), so that a run does not
# measure the aftermath of what came before it: after the 10,000 team selections that set a competition's size, the
# store compacts what they wrote for about three seconds (~1.5 s of a core) before it goes idle.
machine_quiet() {
  local second busy
  for second in $(seq 1 30); do
    busy=$({ head -1 /proc/stat; sleep 1; head -1 /proc/stat; } | awk 'NR == 1 {split($0, before, " ")}
      NR == 2 {for (i = 2; i <= 9; i++) {d = $i - before[i]; total += d; if (i != 5 && i != 6) busy += d}
        print (total > 0 ? int(100 * busy / total) : 0)}') # fields 5 and 6: idle and iowait
    if ((busy < 15)); then return 0; fi
  done
  echo "machine: still ${busy}% busy after 30 s" >&2
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
