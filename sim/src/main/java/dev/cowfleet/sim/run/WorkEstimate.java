package dev.cowfleet.sim.run;

import dev.cowfleet.sim.host.MemoryColumn;
import dev.cowfleet.sim.scenario.FleetSpec;
import dev.cowfleet.sim.scenario.Scenario;
import dev.cowfleet.sim.scenario.ScenarioException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a command is about to simulate, counted from the scenario before any of it runs: runs, samples
 * and events, and a lower bound on the memory they hold. A command refuses, as bad input naming the
 * keys that drive it, work whose lower bound does not fit the JVM's heap or that would run for days,
 * instead of failing with OutOfMemoryError after a minute or never finishing; and it warns about work
 * that will take long.
 *
 * <p>The memory bound counts only what certainly exists, so it never refuses work that would fit: every
 * run keeps one row of {@link MemoryColumn#COUNT} doubles and two means per sample until the report is
 * assembled, and every worker of a running host holds at least its object and its CPU tallies.
 *
 * @param runs          host simulations, all of whose samples are kept until the report is assembled
 * @param samplesPerRun samples of one run: duration / sampleEvery + 1
 * @param eventsPerRun  events of one run: an arrival and a completion per request, and the samples
 * @param workers       workers of one simulated host
 * @param concurrent    runs simulated at once (the thread count, at most {@code runs})
 */
public record WorkEstimate(long runs, double samplesPerRun, double eventsPerRun, long workers, long concurrent) {

    /** A kept sample: a row array (header 16 B + 8 B a column), its reference, and two per-sample means. */
    static final long BYTES_PER_SAMPLE = 16 + 8L * MemoryColumn.COUNT + 8 + 2 * 8;
    /** A floor per worker: models.server.Worker alone has some twenty fields, a CPU array, a ledger, a collector. */
    static final long BYTES_PER_WORKER = 256;
    /**
     * Round bounds, not measured speeds: {@code run scenarios/instagram-2017.yaml} (700/s for 2h, 4 policies
     * x 5 replications) has about 2e8 events; refusal is 5,000 times that, the note 5 times.
     */
    static final double MAX_EVENTS = 1e12;
    static final double SLOW_EVENTS = 1e9;

    /** Every policy times every replication of the scenario's one host ({@code run}, {@code compare}). */
    public static WorkEstimate ofHostExperiment(Scenario scenario, int threads) {
        return of(scenario, (long) scenario.policies().size() * scenario.replications(), threads);
    }

    /** The host experiment plus, per policy and replication, the fleet's simulated hosts ({@code plan}). */
    public static WorkEstimate ofPlan(Scenario scenario, int threads) {
        long hostsPerReplication = 1 + scenario.fleet().map(WorkEstimate::simulatedHosts).orElse(0L);
        return of(scenario, (long) scenario.policies().size() * scenario.replications() * hostsPerReplication,
                threads);
    }

    /**
     * A sweep simulates its points one after the other and keeps only each point's assembled report, so
     * each point must fit on its own, and all of them together must finish.
     */
    public static void requireFeasibleSweep(List<WorkEstimate> points, long heapBytes) {
        double events = 0;
        long runs = 0;
        for (WorkEstimate point : points) {
            point.requireFeasible(heapBytes);
            events += point.totalEvents();
            runs += point.runs();
        }
        if (events > MAX_EVENTS) {
            throw new ScenarioException(String.format(Locale.ROOT, "the sweep has about %s events in %,d runs over "
                    + "%,d points, more than %s; vary fewer values or shorten "
                    + "duration",
                    count(events), runs, points.size(), count(MAX_EVENTS)));
        }
    }

    private static WorkEstimate of(Scenario scenario, long runs, int threads) {
        double samples = Math.floor(scenario.durationSeconds() / scenario.sampleEverySeconds() + 1e-9) + 1;
        double events = 2 * scenario.workload().requestsPerSecond() * scenario.durationSeconds() + samples;
        return new WorkEstimate(runs, samples, events, scenario.host().workers(), Math.max(1, Math.min(threads, runs)));
    }

    private static long simulatedHosts(FleetSpec fleet) {
        return fleet.hostTypes().stream().mapToLong(t -> Math.min(fleet.simulatedHostsPerType(), t.count())).sum();
    }

    /** Bytes the kept samples and the running hosts need at least. */
    public double minimumBytes() {
        return runs * samplesPerRun * BYTES_PER_SAMPLE + concurrent * (double) workers * BYTES_PER_WORKER;
    }

    public double totalEvents() {
        return runs * eventsPerRun;
    }

    /**
     * @param heapBytes the JVM's maximum heap
     * @throws ScenarioException naming the keys that drive what does not fit, or what would run for days
     */
    public void requireFeasible(long heapBytes) {
        double samplesBytes = runs * samplesPerRun * BYTES_PER_SAMPLE;
        double workersBytes = concurrent * (double) workers * BYTES_PER_WORKER;
        if (samplesBytes + workersBytes > heapBytes) {
            String driver = samplesBytes >= workersBytes
                    ? String.format(Locale.ROOT, "%s samples a run (duration / sampleEvery) x %,d runs "
                            + "(policies x replications); raise sampleEvery, shorten duration or lower replications",
                            count(samplesPerRun), runs)
                    : String.format(Locale.ROOT, "host.workers %,d x %,d hosts at once; lower host.workers",
                            workers, concurrent);
            throw new ScenarioException("the simulation needs at least " + gib(samplesBytes + workersBytes)
                    + " of memory, more than the JVM's heap of " + gib(heapBytes)
                    + ": " + driver + " (or give java a larger -Xmx)");
        }
        if (totalEvents() > MAX_EVENTS) {
            throw new ScenarioException(String.format(Locale.ROOT, "the simulation has about %s events "
                    + "(workload.requestsPerSecond x duration x %,d runs), more than %s; shorten "
                    + "duration or lower requestsPerSecond or replications",
                    count(totalEvents()), runs, count(MAX_EVENTS)));
        }
    }

    /** A line for the terminal when the work will take minutes or more. */
    public Optional<String> slowWarning() {
        if (totalEvents() < SLOW_EVENTS) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "cowfleet: note: about %s events in %,d runs and at least %s "
                + "of memory; this takes a while (Ctrl-C stops it, nothing is written)", count(totalEvents()), runs,
                gib(minimumBytes())));
    }

    private static String count(double n) {
        return n < 1e6 ? String.format(Locale.ROOT, "%,.0f", n) : String.format(Locale.ROOT, "%.2g", n);
    }

    /** "13.9 GiB": an estimate needs three figures, not the byte-exact units of scenario values. */
    static String gib(double bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
    }
}
