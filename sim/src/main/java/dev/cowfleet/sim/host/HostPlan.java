package dev.cowfleet.sim.host;

import dev.cowfleet.models.server.Master;
import dev.cowfleet.models.workload.CostModel;
import dev.cowfleet.models.workload.RequestProfile;
import dev.cowfleet.models.workload.Traffic;

/**
 * Everything one run of one host needs: the master it forks from (heap, interpreter and policy
 * already applied), what a request does, the costs, the traffic reaching the host, and the process
 * manager's rules.
 *
 * @param settleSeconds worker age at which "shared after fork" is read
 * @param ramBytes      host RAM; above it the out-of-memory killer kills the largest worker (0 = no killer)
 */
public record HostPlan(Master master, RequestProfile request, CostModel costs, Traffic traffic, int workers,
                       RecyclePolicy recycle, DeploySchedule deploys, double durationSeconds,
                       double sampleEverySeconds, double settleSeconds, long ramBytes) {

    public HostPlan {
        if (workers < 1) {
            throw new IllegalArgumentException("a host needs at least one worker, got " + workers);
        }
        if (!(sampleEverySeconds > 0) || durationSeconds < sampleEverySeconds) {
            throw new IllegalArgumentException("duration " + durationSeconds + " s must cover at least one sample interval of "
                    + sampleEverySeconds + " s");
        }
    }

    /** Sample instants 0, dt, 2dt, ... up to and including the end of the run. */
    public int samples() {
        return (int) Math.floor(durationSeconds / sampleEverySeconds + 1e-9) + 1;
    }
}
