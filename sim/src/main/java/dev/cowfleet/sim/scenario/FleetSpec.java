package dev.cowfleet.sim.scenario;

import java.util.List;
import java.util.Optional;

/**
 * The optional {@code fleet} section: the servers, the fleet-wide traffic, and how capacity is planned.
 *
 * @param workersPerHost       a fixed worker count, or {@code auto} (as many as the RAM budget allows)
 * @param memoryPercentile     host-memory percentile the RAM budget must hold (0.99 = p99)
 * @param headroom             share of RAM kept free (page cache, the kernel, spikes)
 * @param targetUtilization    CPU utilization hosts are planned at
 * @param memoryThreshold      share of RAM above which a host counts as "high"
 * @param ioWaitPerRequestSeconds time a request holds its worker off-CPU (database, network)
 * @param skew                 load-balancer skew: host shares spread uniformly over [1 - skew, 1 + skew]
 * @param simulatedHostsPerType hosts of each type simulated one by one; fleet sums are scaled up from them
 * @param deploys              rolling fleet deploys: waves of hosts, each restarting all its workers
 */
public record FleetSpec(List<HostTypeSpec> hostTypes, double peakRequestsPerSecond, DiurnalSpec diurnal,
                        double growthPerYear, double years, WorkersPerHost workersPerHost, double memoryPercentile,
                        double headroom, double targetUtilization, double memoryThreshold,
                        double ioWaitPerRequestSeconds, double skew, int simulatedHostsPerType,
                        Optional<DeploySpec> deploys) {

    public FleetSpec {
        hostTypes = List.copyOf(hostTypes);
    }

    /** One kind of server and how many the fleet runs today. */
    public record HostTypeSpec(String name, long ramBytes, int cores, double costPerHour, long count) {
    }

    public long hosts() {
        return hostTypes.stream().mapToLong(HostTypeSpec::count).sum();
    }
}
