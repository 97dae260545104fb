package dev.cowfleet.sim.fleet;

import dev.cowfleet.models.fleet.Capacity;
import dev.cowfleet.sim.scenario.FleetSpec;

/**
 * The hosts of each type, and their annual cost, that carry the grown peak when the mix keeps today's
 * proportions: each type carries traffic in proportion to its capacity today (count x requests per
 * second per host). The one place this arithmetic is written: per-type and fleet figures both come from it.
 *
 * @param hosts      hosts needed per type
 * @param annualCost annual cost per type
 */
record HostMix(long[] hosts, double[] annualCost) {

    /** The mix for one set of per-host throughputs (requests per second per host, by type). */
    static HostMix of(FleetSpec fleet, double[] requestsPerSecondPerHost) {
        double peak = grownPeak(fleet);
        int types = requestsPerSecondPerHost.length;
        double capacityToday = 0;
        for (int t = 0; t < types; t++) {
            capacityToday += fleet.hostTypes().get(t).count() * requestsPerSecondPerHost[t];
        }
        long[] hosts = new long[types];
        double[] cost = new double[types];
        for (int t = 0; t < types; t++) {
            FleetSpec.HostTypeSpec type = fleet.hostTypes().get(t);
            double share = type.count() * requestsPerSecondPerHost[t] / capacityToday;
            hosts[t] = Capacity.hostsNeeded(peak * share, requestsPerSecondPerHost[t]);
            cost[t] = Capacity.annualCost(hosts[t], type.costPerHour());
        }
        return new HostMix(hosts, cost);
    }

    /** Next year's (or the horizon's) peak: today's grown by growthPerYear over years. */
    static double grownPeak(FleetSpec fleet) {
        return Capacity.grownPeak(fleet.peakRequestsPerSecond(), fleet.growthPerYear(), fleet.years());
    }

    double totalHosts() {
        double sum = 0;
        for (long h : hosts) {
            sum += h;
        }
        return sum;
    }

    double totalAnnualCost() {
        double sum = 0;
        for (double c : annualCost) {
            sum += c;
        }
        return sum;
    }
}
