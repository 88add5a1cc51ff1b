#!/usr/bin/env bash
# Offload benchmark: Cartwright's verified two-destination offload against the shell baselines, on
# the same synthetic card in the same run. Prints wall times and ratios; writes a Markdown table to
# $BENCH_DIR/results.md.
#
#   releng/bench/offload.sh [--large N] [--large-mib M] [--small N] [--rounds R] [--no-warm-up]
#
# Defaults make a >= 4 GB card: 40 files of 100 MiB plus 200 small files (16 KiB - 1 MiB).
# Baselines:
#   cp2      cp -r to both destinations, then sync (no verification)
#   script   xxhsum -H3 of the source, cp -r to both, sync, drop the page cache, xxhsum -H3 -c on both
# Cartwright reads each source file once, writes both destinations in parallel and re-reads them
# from the device (O_DIRECT or fadvise) to verify. The page cache is dropped before every run
# (needs root; otherwise the numbers say so). Virtual disks change speed from minute to minute, so
# every contender runs once per round, rounds interleave them in a changing order (a Williams
# square: over every 4 rounds each contender runs right after each other one exactly once), and
# the table gives medians. The default of 4 rounds is one balanced set; use multiples of 4.
# Each timed run follows an untimed one of the same contender, as card follows card on a cart: on
# some virtual machines a run that writes through the page cache is ~10 s slower right after one
# that wrote around it (Cartwright) than after one like itself, which the order alone does not even
# out (docs/performance.md, tenth pass). --no-warm-up times every run cold (half the time).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
large=40; large_mib=100; small=200; rounds=4; warm_up=1
while [ $# -gt 0 ]; do
  case "$1" in
    --large) large=$2; shift 2 ;;
    --large-mib) large_mib=$2; shift 2 ;;
    --small) small=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --no-warm-up) warm_up=0; shift ;;
    *) echo "usage: $0 [--large N] [--large-mib M] [--small N] [--rounds R] [--no-warm-up]" >&2; exit 2 ;;
  esac
done
work="${BENCH_DIR:-$repo/releng/bench/work}"
card="$work/card"
export LANG=C.UTF-8 LC_ALL=C.UTF-8

cache_note="page cache dropped before each run"
[ -w /proc/sys/vm/drop_caches ] || cache_note="page cache NOT dropped (not root): source reads may come from memory"
drop_caches() {
  sync
  if [ -w /proc/sys/vm/drop_caches ]; then echo 3 > /proc/sys/vm/drop_caches; fi
}
now() { date +%s.%N; }
elapsed() { echo "$(now) - $1" | bc -l; }

marker="$work/card.complete" # outside the card, so every contender copies the same files
if [ ! -f "$marker" ] || [ "$(cat "$marker")" != "$large $large_mib $small" ]; then
  echo "making the synthetic card ($large x $large_mib MiB + $small small files)..." >&2
  rm -rf "$card"; mkdir -p "$card/A001R1JL" "$card/A001R1JL/sidecars"
  for i in $(seq -w 1 "$large"); do
    head -c "$((large_mib * 1024 * 1024))" /dev/urandom > "$card/A001R1JL/A001C0${i}_261123_R1JL.mov"
  done
  for i in $(seq -w 1 "$small"); do
    head -c "$(( (RANDOM % 1024 + 16) * 1024 ))" /dev/urandom > "$card/A001R1JL/sidecars/A001C${i}.xml"
  done
  echo "$large $large_mib $small" > "$marker"
fi
total_bytes=$(du -sb "$card" | cut -f1)
rm -f "$card/.complete" # left by older versions of this script
files=$(find "$card" -type f | wc -l)
echo "card: $files files, $((total_bytes / 1024 / 1024)) MiB" >&2

reset_dest() { rm -rf "$work/d1" "$work/d2"; mkdir -p "$work/d1" "$work/d2"; }

# Each contender: reset the destinations, drop the cache, time one run.
run_cp2() {
  reset_dest; drop_caches
  local t; t=$(now); cp -r "$card" "$work/d1/"; cp -r "$card" "$work/d2/"; sync; elapsed "$t"
}
run_script() {
  reset_dest; drop_caches
  local t; t=$(now)
  (cd "$card" && find . -type f -print0 | xargs -0 xxhsum -H3 > "$work/card.xxh3")
  cp -r "$card" "$work/d1/"; cp -r "$card" "$work/d2/"; sync
  drop_caches
  (cd "$work/d1/card" && xxhsum -H3 -q -c "$work/card.xxh3")
  (cd "$work/d2/card" && xxhsum -H3 -q -c "$work/card.xxh3")
  elapsed "$t"
}
# Cartwright on a throw-away database; the product is built before timing. Once with the default
# (one file read at a time, as from a card reader) and once with three files in flight.
run_cartwright() {
  reset_dest
  local db="$work/bench.db"; rm -f "$db" "$db-wal" "$db-shm"
  drop_caches
  local t; t=$(now)
  "$repo/cartwright" offload "$card" --to "$work/d1" --to "$work/d2" --name card --db "$db" --json "$@" \
      > "$work/cartwright.jsonl"
  elapsed "$t"
  tail -n 1 "$work/cartwright.jsonl" | grep -q '"state":"done"' || { echo "cartwright did not finish" >&2; exit 1; }
}
"$repo/cartwright" --version >/dev/null

# How this host writes just now, through the page cache and around it: the script and cp write
# through the cache, Cartwright around it, and on some virtual machines the first is several times
# slower than the second at times (fresh guest memory is slow to come by), which swings every ratio.
write_rate() { # DD_FLAGS...: MiB/s writing 1 GiB, synced
  rm -f "$work/probe"; drop_caches
  local t s; t=$(now)
  dd if=/dev/zero of="$work/probe" bs=4M count=256 status=none "$@"
  s=$(elapsed "$t"); rm -f "$work/probe"
  echo "1024 / $s" | bc
}
host_note="writes of 1 GiB: $(write_rate conv=fsync) MiB/s through the page cache, $(write_rate oflag=direct conv=fsync) MiB/s with O_DIRECT"
# A virtio balloon with free page reporting (feature bit 5) hands the pages a cache drop frees back
# to the host, so the next page-cache fill must take them back: the script pays that every round.
for d in /sys/bus/virtio/devices/*; do
  if [ "$(cat "$d/device" 2>/dev/null)" = 0x0005 ] && [ "$(cut -c6 "$d/features" 2>/dev/null)" = 1 ]; then
    host_note="$host_note; the virtual machine's balloon reports free pages to the host"
  fi
done
echo "host: $host_note" >&2

median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
all_cp=(); all_script=(); all_cw=(); all_cw3=()
# The order changes from round to round: a run can pay for what the one before it left to the host
# (write-back of its copies, discards of the ones just deleted), and on some disks that is seconds.
# Round r runs contenders o+0, o+1, o+3, o+2 (mod 4, o = r-1): every ordered pair once in 4 rounds.
contenders=(cp2 script cw cw3)
run_contender() {
  case "$1" in
    cp2) run_cp2 ;;
    script) run_script ;;
    cw) run_cartwright ;;
    cw3) run_cartwright --concurrency 3 ;;
  esac
}
for r in $(seq 1 "$rounds"); do
  echo "round $r of $rounds..." >&2
  for k in 0 1 3 2; do
    c="${contenders[$(( (r - 1 + k) % 4 ))]}"
    if [ "$warm_up" = 1 ]; then run_contender "$c" > /dev/null; fi
    t=$(run_contender "$c")
    case "$c" in
      cp2) all_cp+=("$t") ;;
      script) all_script+=("$t") ;;
      cw) all_cw+=("$t") ;;
      cw3) all_cw3+=("$t") ;;
    esac
  done
done
t_cp=$(median "${all_cp[@]}"); t_script=$(median "${all_script[@]}")
t_cw=$(median "${all_cw[@]}"); t_cw3=$(median "${all_cw3[@]}")
tail -n 1 "$work/cartwright.jsonl" > "$work/cartwright-summary.json"

mib=$((total_bytes / 1024 / 1024))
row() { # label median all...
  local label=$1 m=$2; shift 2
  printf "| %s | %.1f | %s | %.0f | %.2fx | %.2fx |\n" "$label" "$m" "$(printf '%.1f ' "$@")" \
      "$(echo "$mib / $m" | bc -l)" "$(echo "$m / $t_cw" | bc -l)" "$(echo "$m / $t_cw3" | bc -l)"
}
{
  echo "| run | median (s) | each round (s) | MiB/s of card | time / Cartwright (default) | time / Cartwright (--concurrency 3) |"
  echo "|---|---|---|---|---|---|"
  row "cp -r to 2 destinations + sync (no verify)" "$t_cp" "${all_cp[@]}"
  row "cp to 2 + xxhsum -H3 -c on both (cache dropped)" "$t_script" "${all_script[@]}"
  row "cartwright offload, 2 destinations, verified from device" "$t_cw" "${all_cw[@]}"
  row "cartwright offload --concurrency 3" "$t_cw3" "${all_cw3[@]}"
  echo
  warm_note="each timed run after an untimed one of the same contender"
  [ "$warm_up" = 1 ] || warm_note="no warm-up runs"
  echo "Card: $files files, $mib MiB; $(nproc) cores; $rounds rounds in a changing order; $warm_note; $cache_note. A ratio above 1 means Cartwright was faster."
  echo "Host before the rounds: $host_note."
} | tee "$work/results.md"
echo "summary: $(cat "$work/cartwright-summary.json")"
rm -rf "$work/d1" "$work/d2"
