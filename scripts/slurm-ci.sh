#!/usr/bin/env bash
# A sesim sweep on a real Slurm cluster of one node, compared byte for byte
# with the same sweep on one machine.
#
# As root on Debian: installs slurm-wlm and munge when missing, writes a
# one-node configuration (select/cons_tres, the node's CPUs and memory from
# `slurmd -C`) and a munge key into a temporary folder (SLURM_CONF points
# there: no system configuration is read or written), starts munged,
# slurmctld and slurmd in the background, submits deploy/slurm/sweep.sbatch
# as a 4-task array and deploy/slurm/merge.sbatch after it, and checks that
# the merged aggregate.json, runs.jsonl and sweep.json are the bytes
# `sesim sweep` writes on one machine, and that both exit alike. On exit
# (success, failure or interrupt) it cancels the jobs, stops the daemons it
# started, by their PIDs, and removes the folder.
#
# Skips (exit 0, saying why) when not root, not on Debian, or when the
# packages cannot be installed. Exit 1 when the comparison fails or the
# cluster does not run the jobs in time.
#
#   scripts/slurm-ci.sh [path/to/sesim]      (default: .build/release/sesim)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
sesim=$(realpath "${1:-.build/release/sesim}")
scenario=$root/scenarios/quickstart.yaml
sweep_options=(--seeds 1-8 --set account.maxSendRate=14,50)
tasks=4

skip() { echo "slurm-ci: skipped: $*"; exit 0; }
fail() { echo "slurm-ci: FAILED: $*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || skip "not root (installing Slurm and starting its daemons needs root)"
[ -f /etc/debian_version ] || skip "not Debian (this script installs Slurm with apt-get)"
[ -x "$sesim" ] || fail "no sesim binary at $sesim (build it first: swift build -c release)"

started=$SECONDS
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null \
    || ! command -v sbatch >/dev/null || ! command -v munged >/dev/null; then
    echo "slurm-ci: installing slurm-wlm and munge"
    export DEBIAN_FRONTEND=noninteractive
    timeout 300 apt-get update -qq >/dev/null || skip "apt-get update failed (no network?)"
    timeout 300 apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null \
        || skip "apt-get could not install slurm-wlm and munge"
    echo "slurm-ci: installed in $((SECONDS - started)) s"
fi

work=$(mktemp -d /tmp/sesim-slurm.XXXXXX)
pids=()
cleanup() {
    local status=$?
    set +e
    if [ -n "${waiter:-}" ]; then
        kill -TERM "$waiter" 2>/dev/null
        wait "$waiter" 2>/dev/null
    fi
    if [ -n "${SLURM_CONF:-}" ] && [ -n "${slurmctld_pid:-}" ] && kill -0 "$slurmctld_pid" 2>/dev/null; then
        # Jobs first, so that no job step outlives the daemons.
        scancel --quiet --full --user=root 2>/dev/null
        for _ in $(seq 1 20); do
            [ -z "$(squeue -h -o %i 2>/dev/null)" ] && break
            sleep 0.5
        done
    fi
    # Daemons in reverse order of starting: slurmd, slurmctld, munged.
    for ((index = ${#pids[@]} - 1; index >= 0; index--)); do
        kill -TERM "${pids[index]}" 2>/dev/null
    done
    for pid in "${pids[@]}"; do
        for _ in $(seq 1 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$pid" 2>/dev/null; then
            echo "slurm-ci: process $pid did not stop on TERM; killing it"
            kill -KILL "$pid" 2>/dev/null
        fi
        wait "$pid" 2>/dev/null
    done
    if [ "$status" -ne 0 ] && [ -d "$work" ]; then
        for log in "$work"/log/*; do
            [ -s "$log" ] && [[ "$log" != *.stderr ]] || continue
            echo "--- $log (last lines)"
            tail -n 15 "$log"
        done
    fi
    rm -rf "$work"
    echo "slurm-ci: stopped ${#pids[@]} daemons; $((SECONDS - started)) s in all"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$work"/{munge,state,spool,log,results,whole}
# munged wants every folder above its socket searchable by all (the socket is
# how other users' programs reach it) and none writable by others.
chmod 711 "$work" "$work/munge"

# munge: a key of its own and a socket in the folder.
dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$work/munge/munge.key"
munge_socket=$work/munge/socket
munged --foreground --key-file="$work/munge/munge.key" --socket="$munge_socket" \
    --pid-file="$work/munge/munged.pid" --seed-file="$work/munge/seed" \
    --log-file="$work/log/munged.log" >>"$work/log/munged.stderr" 2>&1 &
pids+=($!)
for _ in $(seq 1 50); do
    [ -S "$munge_socket" ] && break
    sleep 0.1
done
[ -S "$munge_socket" ] || fail "munged did not start"

# One node: this machine, with the CPUs and memory slurmd sees.
node=$(slurmd -C | head -n 1)
node_name=$(sed -n 's/^NodeName=\([^ ]*\).*/\1/p' <<<"$node")
node_hardware=$(sed 's/^NodeName=[^ ]* //' <<<"$node")
export SLURM_CONF=$work/slurm.conf
cat >"$SLURM_CONF" <<EOF
ClusterName=sesimci
SlurmctldHost=$node_name(127.0.0.1)
SlurmctldPort=16817
SlurmdPort=16818
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$munge_socket
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
ReturnToService=2
SlurmctldTimeout=30
SlurmdTimeout=30
NodeName=$node_name NodeAddr=127.0.0.1 $node_hardware State=UNKNOWN
PartitionName=ci Nodes=$node_name Default=YES MaxTime=INFINITE State=UP
EOF
echo "slurm-ci: $(sbatch --version), $(munged --version | cut -d' ' -f1); node $node_name: $node_hardware"

slurmctld -D -i >>"$work/log/slurmctld.stderr" 2>&1 &
pids+=($!)
slurmctld_pid=$!
slurmd -D -N "$node_name" >>"$work/log/slurmd.stderr" 2>&1 &
pids+=($!)

state=""
for _ in $(seq 1 60); do
    state=$(sinfo -h -n "$node_name" -o %T 2>/dev/null || true)
    [ "$state" = "idle" ] && break
    sleep 0.5
done
[ "$state" = "idle" ] || fail "the node is not idle after 30 s (state: '${state:-no answer}')"
echo "slurm-ci: cluster up in $((SECONDS - started)) s"

# The sweep as the deploy/ scripts run it, with the sbatch defaults
# overridden for a 4-task array on this node; then the merge after it.
cd "$work"
export SESIM=$sesim
submitted=$SECONDS
sweep_job=$(sbatch --parsable --array=0-$((tasks - 1)) --cpus-per-task=1 --mem=512M \
    --output="$work/log/sweep-%A_%a.out" \
    "$root/deploy/slurm/sweep.sbatch" "$scenario" "$work/results" "${sweep_options[@]}")
# sbatch --wait in the background: `wait` returns at once on a signal, so
# an interrupt cancels the jobs now rather than when they end.
timeout 120 sbatch --wait --dependency=afterok:"$sweep_job" --output="$work/log/merge.out" \
    "$root/deploy/slurm/merge.sbatch" "$work/results" >/dev/null &
waiter=$!
merge_status=0
wait "$waiter" || merge_status=$?
waiter=""
[ "$merge_status" -ne 124 ] || fail "the jobs did not finish within 120 s"
echo "slurm-ci: array job $sweep_job ($tasks tasks) and its merge ran in $((SECONDS - submitted)) s;" \
    "the merge exited $merge_status"
for task in $(seq 0 $((tasks - 1))); do
    grep -h "running shard" "$work/log/sweep-${sweep_job}_$task.out" || fail "task $task did not report its shard"
done
tail -n 3 "$work/log/merge.out"

whole_status=0
"$sesim" sweep "$scenario" "${sweep_options[@]}" --quiet --out "$work/whole" >/dev/null || whole_status=$?
[ "$merge_status" -eq "$whole_status" ] \
    || fail "the merge exited $merge_status, the one-machine sweep $whole_status"
for name in aggregate.json runs.jsonl sweep.json; do
    cmp "$work/whole/$name" "$work/results/merged/$name" || fail "$name differs from the one-machine sweep"
done
echo "slurm-ci: ok: the merge of $tasks Slurm array tasks equals the one-machine sweep" \
    "(aggregate.json $(sha256sum "$work/whole/aggregate.json" | cut -c1-16), exit $whole_status)"
