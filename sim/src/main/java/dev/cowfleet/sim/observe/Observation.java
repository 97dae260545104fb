package dev.cowfleet.sim.observe;

import java.util.List;

/**
 * Everything one observation measured.
 *
 * @param server        "gunicorn", "uwsgi", or for {@code --attach} the master's command name
 * @param policy        the policy applied, or "as running" for {@code --attach}
 * @param workers       workers the master was asked for (for {@code --attach}: workers seen at the first sample)
 * @param samples       every sample of the master and its workers
 * @param exits         workers seen to end: recycled during the run and stopped at the end
 * @param load          what the load generator did, or null for {@code --attach}
 * @param forkCounters  {@code gc.get_count()} as each worker inherited it (one {count0, count1, count2} per fork)
 * @param recipe        the policy recipe the server ran, without cowfleet's reporting lines, or null
 * @param survivorsPerRequest tracked objects a request left in a fresh worker over its share of the run
 *                      ({@link AllocationProbe}), or NaN when not probed
 */
public record Observation(String server, String policy, int workers, List<ProcSample> samples, List<WorkerExit> exits,
                          OpenLoopLoad.Outcome load, List<long[]> forkCounters, String recipe, double survivorsPerRequest) {
    public Observation {
        samples = List.copyOf(samples);
        exits = List.copyOf(exits);
        forkCounters = List.copyOf(forkCounters);
    }

    /** The counters most forks inherited, rounded mean; null when no worker reported them. */
    public long[] inheritedCounters() {
        if (forkCounters.isEmpty()) {
            return null;
        }
        long[] mean = new long[3];
        for (int g = 0; g < 3; g++) {
            double sum = 0;
            for (long[] counters : forkCounters) {
                sum += counters[g];
            }
            mean[g] = Math.round(sum / forkCounters.size());
        }
        return mean;
    }
}
