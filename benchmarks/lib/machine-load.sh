# Sourced by the benchmark scripts: how busy the
# shared machine is, and waiting for it to calm down. Needs a log function from the caller.

# "busy total" jiffies of all CPUs so far.
machine_ticks() { awk '/^cpu /{print $2+$3+$4+$7+$8+$9, $2+$3+$4+$5+$6+$7+$8+$9}' /proc/stat; }

# Percent of all cores busy between two machine_ticks readings.
busy_between() { awk -v a="$1" -v b="$2" 'BEGIN{split(a,x," "); split(b,y," "); printf "%.0f", (y[1]-x[1])/((y[2]-x[2])>0?(y[2]-x[2]):1)*100}'; }

# Waits (up to WAIT_IDLE_MAX seconds, default 600; 0 = don't wait) until the machine is at most IDLE_BUSY_MAX %
# busy (default 25) over a 5 s sample: other work on the same cores skews every number. Proceeds anyway after
# the limit, and the results record how busy the machine was.
wait_idle() {
    local max=${WAIT_IDLE_MAX:-600} limit=${IDLE_BUSY_MAX:-25} waited=0 a busy
    while :; do
        a=$(machine_ticks); sleep 5
        busy=$(busy_between "$a" "$(machine_ticks)")
        waited=$((waited + 5))
        if [ "$busy" -le "$limit" ]; then log "machine ${busy}% busy: starting"; return; fi
        if [ "$waited" -ge "$max" ]; then log "machine still ${busy}% busy after ${waited}s: measuring anyway (see the results)"; return; fi
        log "machine ${busy}% busy (other processes); waiting for <= ${limit}%"
        sleep 5; waited=$((waited + 5))
    done
}
