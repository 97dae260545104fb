package dev.cowfleet.sim.fleet;

import dev.cowfleet.sim.host.HostRunResult;
import dev.cowfleet.sim.scenario.FleetSpec;
import dev.cowfleet.sim.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulated sample of today's fleet: up to {@code simulatedHostsPerType} hosts of each type, spread
 * over the load balancer's skew and the deploy waves, run under one policy at its planned worker counts.
 */
final class FleetSample {
    private final FleetRun run;
    private final Scenario scenario;
    private final FleetSpec fleet;

    FleetSample(FleetRun run) {
        this.run = run;
        this.scenario = run.scenario();
        this.fleet = run.fleet();
    }

    /** Runs the sample under {@code policy}, by host type, replication, then host. */
    List<HostRunResult> simulate(int policy, Sizing[] sizing) {
        List<HostRole> roles = new ArrayList<>();
        int hostIndex = 0;
        double waveSize = fleet.deploys().map(d -> d.waveSize()).orElse(1.0);
        double waveInterval = fleet.deploys().map(d -> d.waveIntervalSeconds()).orElse(0.0);
        int waves = (int) Math.ceil(1.0 / waveSize);
        for (int t = 0; t < sizing.length; t++) {
            int simulated = simulatedHosts(t);
            for (int r = 0; r < scenario.replications(); r++) {
                for (int k = 0; k < simulated; k++) {
                    double position = (k + 0.5) / simulated;
                    double scale = 1 - fleet.skew() + 2 * fleet.skew() * position;
                    double offset = Math.floor(position * waves) * waveInterval;
                    roles.add(new HostRole(policy, t, r, hostIndex + k, sizing[t].workers(), scale, offset));
                }
            }
            hostIndex += simulated;
        }
        return run.hosts(roles, true);
    }

    /** Hosts simulated per type, in the order of {@link #simulate}'s results. */
    int[] simulatedPerType() {
        int[] simulated = new int[fleet.hostTypes().size()];
        for (int t = 0; t < simulated.length; t++) {
            simulated[t] = simulatedHosts(t);
        }
        return simulated;
    }

    private int simulatedHosts(int type) {
        return (int) Math.min(fleet.simulatedHostsPerType(), fleet.hostTypes().get(type).count());
    }
}
