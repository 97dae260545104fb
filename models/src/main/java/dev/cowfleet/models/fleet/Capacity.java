package dev.cowfleet.models.fleet;

import dev.cowfleet.models.runtime.ModelInputException;
import java.util.Locale;

/**
 * The arithmetic from per-host behaviour to fleet size and money.
 *
 * <p>Throughput: a worker serves one request at a time, busy for its CPU time (plus the policy's
 * overhead: collections, copy-on-write faults, shutdowns, all as a fraction of request CPU) and
 * for the time the request waits off-CPU (database, network). A host is bounded both by its workers
 * and by its cores, and is run at a target utilization to keep latency in check. Memory-bound hosts
 * (few workers fit) are worker-bound; that is where a policy's memory saving becomes throughput,
 * as Instagram used its 8 GB for more workers.
 */
public final class Capacity {
    private static final double HOURS_PER_YEAR = 24 * 365;

    private Capacity() {
    }

    /** Workers that fit in {@code budgetBytes} beside the master, each needing {@code perWorkerBytes}. */
    public static int workersThatFit(double budgetBytes, double masterBytes, double perWorkerBytes) {
        if (!(perWorkerBytes > 0)) {
            throw new ModelInputException("per-worker memory must be above 0, got " + perWorkerBytes);
        }
        double room = budgetBytes - masterBytes;
        return room <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, Math.floor(room / perWorkerBytes));
    }

    /**
     * Requests per second one host sustains at {@code utilization}.
     *
     * @param cpuPerRequest    CPU seconds a request needs
     * @param overheadFraction policy CPU overhead per unit of request CPU (0.02 = 2%)
     * @param ioWaitPerRequest seconds a request waits off-CPU while holding its worker
     */
    public static double requestsPerSecondPerHost(int workers, int cores, double cpuPerRequest, double overheadFraction,
                                                  double ioWaitPerRequest, double utilization) {
        if (!(cpuPerRequest > 0)) {
            throw new ModelInputException("workload.cpuPerRequest must be above 0, got " + cpuPerRequest);
        }
        if (!(utilization > 0) || utilization > 1) {
            throw new ModelInputException("fleet.targetUtilization must be in (0, 100%], got " + utilization);
        }
        double cpu = cpuPerRequest * (1 + overheadFraction);
        double coreBound = cores / cpu;
        double workerBound = workers / (cpu + ioWaitPerRequest);
        return utilization * Math.min(coreBound, workerBound);
    }

    /**
     * More hosts than any fleet has: a count beyond it comes from growth compounded over centuries or a
     * typo, and would saturate a long and make every policy look equal.
     */
    public static final long MAX_HOSTS = 1_000_000_000L;

    /** Hosts needed for {@code peakRequestsPerSecond}; 0 traffic needs 0 hosts. */
    public static long hostsNeeded(double peakRequestsPerSecond, double perHost) {
        if (peakRequestsPerSecond <= 0) {
            return 0;
        }
        if (!(perHost > 0)) {
            throw new ModelInputException("a host that serves no requests cannot carry " + peakRequestsPerSecond
                    + " requests/s (no worker fits in its RAM?)");
        }
        double hosts = Math.ceil(peakRequestsPerSecond / perHost - 1e-9);
        if (!(hosts <= MAX_HOSTS)) {
            throw new ModelInputException(String.format(Locale.ROOT, "fleet.peakRequestsPerSecond grown by "
                    + "fleet.growthPerYear over fleet.years is %.3g requests/s, which would need %.3g hosts at %.4g "
                    + "requests/s each; a plan is for at most %,d hosts", peakRequestsPerSecond, hosts, perHost,
                    MAX_HOSTS));
        }
        return (long) hosts;
    }

    public static double annualCost(long hosts, double costPerHour) {
        return hosts * costPerHour * HOURS_PER_YEAR;
    }

    /** Peak traffic after {@code years} of compound growth at {@code growthPerYear} (0.3 = +30%). */
    public static double grownPeak(double peak, double growthPerYear, double years) {
        return peak * Math.pow(1 + growthPerYear, years);
    }
}
