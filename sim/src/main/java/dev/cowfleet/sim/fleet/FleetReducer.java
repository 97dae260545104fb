package dev.cowfleet.sim.fleet;

import dev.cowfleet.sim.engine.ReplicationStats;
import dev.cowfleet.sim.host.HostRunResult;
import dev.cowfleet.sim.result.FleetFigures;
import dev.cowfleet.sim.result.TimeSeries;
import dev.cowfleet.sim.scenario.FleetSpec;
import java.util.List;

/**
 * Reduces simulated hosts onto the fleet's sampling grid. Each simulated host of a type stands for
 * count / simulated hosts of it, so fleet sums scale by that weight; memory stays bounded by the
 * grid, whatever the fleet's size.
 */
final class FleetReducer {
    private static final double TIB = 1024.0 * 1024 * 1024 * 1024;

    private FleetReducer() {
    }

    /**
     * @param runs      ordered by host type, then replication, then simulated host
     * @param simulated simulated hosts per host type
     */
    static FleetFigures reduce(FleetSpec fleet, int replications, List<HostRunResult> runs, int[] simulated) {
        int samples = runs.get(0).samples();
        double[][] memory = new double[replications][samples];
        double[][] high = new double[replications][samples];
        double[] oom = new double[replications];
        int index = 0;
        for (int t = 0; t < simulated.length; t++) {
            FleetSpec.HostTypeSpec type = fleet.hostTypes().get(t);
            double weight = (double) type.count() / simulated[t];
            double threshold = fleet.memoryThreshold() * type.ramBytes();
            for (int r = 0; r < replications; r++) {
                for (int k = 0; k < simulated[t]; k++) {
                    HostRunResult run = runs.get(index++);
                    for (int i = 0; i < samples; i++) {
                        double bytes = run.hostBytesAt(i);
                        memory[r][i] += weight * bytes;
                        high[r][i] += bytes > threshold ? weight : 0;
                    }
                    oom[r] += weight * run.oomKills();
                }
            }
        }
        double[] seconds = new double[samples];
        double[][] values = new double[samples][2];
        double peak = 0;
        ReplicationStats kills = new ReplicationStats();
        for (int r = 0; r < replications; r++) {
            kills.add(oom[r]);
            for (int i = 0; i < samples; i++) {
                peak = Math.max(peak, memory[r][i]);
                values[i][0] += memory[r][i] / TIB / replications;
                values[i][1] += high[r][i] / replications;
            }
        }
        for (int i = 0; i < samples; i++) {
            seconds[i] = i * runs.get(0).sampleEverySeconds();
        }
        return new FleetFigures(fleet.hosts(), FleetPlanner.estimate(kills), peak / TIB,
                new TimeSeries(seconds, List.of("memoryTiB", "hostsAboveThreshold"), values));
    }
}
