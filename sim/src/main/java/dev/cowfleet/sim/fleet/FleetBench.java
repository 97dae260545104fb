package dev.cowfleet.sim.fleet;

import dev.cowfleet.sim.engine.RandomStreams;
import dev.cowfleet.sim.exec.ExecutionEngine;
import dev.cowfleet.sim.exec.Progress;
import dev.cowfleet.sim.host.HostPlan;
import dev.cowfleet.sim.host.HostRunResult;
import dev.cowfleet.sim.host.HostSimulation;
import dev.cowfleet.sim.run.HostPlans;
import dev.cowfleet.sim.run.ScenarioSource;
import dev.cowfleet.sim.scenario.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixed fleet of {@code cowfleet bench}: every host simulated, reduced on the sampling grid in
 * host-range tasks, so memory is bounded by the grid and the number of tasks in flight, not by hosts.
 */
public final class FleetBench {
    /**
     * At most this many hosts per task: enough to amortise a task, few enough that even a small
     * fleet splits into many tasks for the threads to share. Depends on the fleet size only, never on
     * the threads, so the reduction order (and every byte) is the same on any engine.
     */
    private static final int MAX_HOSTS_PER_TASK = 8;
    private static final int MIN_TASKS = 16;

    private FleetBench() {
    }

    /** What a benchmark run measured; {@code fleetPeakBytes} keeps the work from being optimised away. */
    public record Outcome(int hosts, double hostDays, double fleetPeakBytes) {
    }

    /** Sums over a range of hosts, sample by sample. */
    record Chunk(double[] fleetBytes) implements Serializable {
    }

    record Range(ScenarioSource source, int from, int to) implements Serializable {
        Chunk run() {
            Scenario scenario = source.load();
            HostPlan plan = HostPlans.plan(scenario, scenario.policies().get(0));
            double[] sums = new double[plan.samples()];
            for (int host = from; host < to; host++) {
                HostRunResult result = HostSimulation.run(plan, new RandomStreams(scenario.seed(), 0), host);
                for (int i = 0; i < sums.length; i++) {
                    sums[i] += result.hostBytesAt(i);
                }
            }
            return new Chunk(sums);
        }
    }

    public static Outcome run(int hosts, ExecutionEngine engine, Progress progress) {
        ScenarioSource source = scenario();
        Scenario scenario = source.load();
        List<Range> ranges = new ArrayList<>();
        int perTask = Math.max(1, Math.min(MAX_HOSTS_PER_TASK, hosts / MIN_TASKS));
        for (int from = 0; from < hosts; from += perTask) {
            ranges.add(new Range(source, from, Math.min(hosts, from + perTask)));
        }
        List<Chunk> chunks = engine.runAll(ranges, Range::run, progress);
        double[] fleet = new double[chunks.get(0).fleetBytes().length];
        for (Chunk chunk : chunks) {
            for (int i = 0; i < fleet.length; i++) {
                fleet[i] += chunk.fleetBytes()[i];
            }
        }
        double peak = 0;
        for (double bytes : fleet) {
            peak = Math.max(peak, bytes);
        }
        return new Outcome(hosts, hosts * scenario.durationSeconds() / 86_400.0, peak);
    }

    static ScenarioSource scenario() {
        try (InputStream in = FleetBench.class.getResourceAsStream("bench.yaml")) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new ScenarioSource(yaml, "bench.yaml", "bench", List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
