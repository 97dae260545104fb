package dev.cowfleet.sim.observe;

/**
 * A worker's end as measured.
 *
 * @param seconds      when it was seen gone (since the observation started)
 * @param pid          the worker
 * @param exitFaults   minor faults between the last look at the worker and its end
 * @param stopped      true for the final graceful stop, where faults are counted from the SIGTERM to
 *                     the zombie's final count; false for a worker the server recycled during the run,
 *                     where the count is the master's reaped-children faults minus the worker's last
 *                     sample, so it includes up to one sampling interval of requests
 */
public record WorkerExit(double seconds, long pid, long exitFaults, boolean stopped) {
}
