package dev.cowfleet.sim.report;

import dev.cowfleet.models.memory.CopySource;
import dev.cowfleet.sim.result.CapacityFigures;
import dev.cowfleet.sim.scenario.EffectiveInput;
import dev.cowfleet.sim.result.Estimate;
import dev.cowfleet.sim.result.FleetFigures;
import dev.cowfleet.sim.result.HostFigures;
import dev.cowfleet.sim.result.MemoryFigures;
import dev.cowfleet.sim.result.PolicyResult;
import dev.cowfleet.sim.result.RunResult;
import dev.cowfleet.sim.result.TimeSeries;
import dev.cowfleet.sim.result.WorkerFigures;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A small hand-made run shaped like instagram-2017: default (baseline) copies most of its heap through
 * gc, threshold0 far less, threshold0-exit nothing at shutdown. Values are chosen so rounding and
 * ordering are visible (e.g. 201.23456 rounds to 201.235).
 */
final class Fixtures {
    static final List<String> HOST_COLUMNS = List.of("master", "baseline", "refcount", "gc", "allocator",
            "mutation", "shutdown", "heap-growth", "workerShared", "workerPrivate");

    /** Past the last age point of {@link #lifetime}: a worker lived 2.5 h, the grid stops at 2 h. */
    static final double LONGEST_LIFETIME_SECONDS = 9000;

    private Fixtures() {
    }

    static RunResult run() {
        return new RunResult("instagram-2017", "Why did gc.set_threshold(0) + os._exit save <8 GB> per host?",
                2017, 5, "default",
                List.of(policy("default", "CPython defaults, collector on", 1.0, new Estimate(0, 0, 0)),
                        policy("threshold0", "gc.set_threshold(0), normal exit", 0.35, new Estimate(38.5, 36.25, 40.75)),
                        policy("threshold0-exit", "gc.set_threshold(0) + os._exit, \"fast\" exit", 0.3,
                                new Estimate(42.0, 40.0, 44.0))),
                List.of(new EffectiveInput("python", "3.6", "file line 3"),
                        new EffectiveInput("host.workers", "70", "file line 8"),
                        new EffectiveInput("server.minWorkerLifetime", "10s", "default: <uwsgi> profile & more")));
    }

    /**
     * {@link #run()} planned for a fleet of two host types: the less a policy copies, the more workers
     * a host holds and the fewer hosts the plan needs. threshold0 carries a planning warning.
     */
    static RunResult planned() {
        RunResult run = run();
        return new RunResult(run.scenario(), run.question(), run.seed(), run.replications(), run.baseline(),
                run.policies().stream().map(p -> p.withPlan(capacity(p.name()), fleet(p.name()))).toList(),
                run.inputs());
    }

    static CapacityFigures capacity(String name) {
        double hosts = switch (name) {
            case "default" -> 9000;
            case "threshold0" -> 7800;
            default -> 7200;
        };
        double cost = hosts * 8760 * 0.9;
        double baselineCost = 9000 * 8760 * 0.9;
        List<CapacityFigures.HostTypePlan> byType = List.of(
                new CapacityFigures.HostTypePlan("m-16g", (int) (9e5 / hosts), 9e6 / hosts / 60, 15_800, 15_974,
                        hosts * 1.9, hosts * 0.6, hosts * 0.6 * 8760 * 0.768),
                new CapacityFigures.HostTypePlan("r-24g", (int) (1.4e6 / hosts), 1.4e7 / hosts / 60, 23_900, 24_166,
                        hosts * 1.3, hosts * 0.4, hosts * 0.4 * 8760 * 1.152));
        List<String> warnings = name.equals("threshold0")
                ? List.of("host.workers=70 does not fit m-16g's <budget> at p99") : List.of();
        return new CapacityFigures((int) (1.1e6 / hosts), 1.1e7 / hosts / 60, new Estimate(hosts, hosts - 40, hosts + 40),
                new Estimate(cost, cost - 2.5e5, cost + 2.5e5), new Estimate(9000 - hosts, 8960 - hosts, 9040 - hosts),
                new Estimate(baselineCost - cost, baselineCost - cost - 2.5e5, baselineCost - cost + 2.5e5),
                new Estimate(100 * (1 - cost / baselineCost), 99 * (1 - cost / baselineCost),
                        101 * (1 - cost / baselineCost)),
                byType, warnings);
    }

    /** Today's 2,600 hosts over an hour; the deploy at 30 minutes pushes hosts over the threshold. */
    static FleetFigures fleet(String name) {
        double scale = name.equals("default") ? 1.0 : 0.8;
        double[] seconds = {0, 900, 1800, 2700, 3600};
        double[][] values = new double[seconds.length][];
        for (int i = 0; i < seconds.length; i++) {
            values[i] = new double[] {scale * (40 + 5 * i + (i == 2 ? 6 : 0)), i == 2 ? 300 * scale : 10 * i * scale};
        }
        return new FleetFigures(2600, new Estimate(12 * scale, 10 * scale, 14 * scale), scale * 56,
                new TimeSeries(seconds, List.of("memoryTiB", "hostsAboveThreshold"), values));
    }

    /** @param scale how much of the baseline's copying this policy does */
    static PolicyResult policy(String name, String description, double scale, Estimate savings) {
        Map<CopySource, Double> copied = new EnumMap<>(CopySource.class);
        copied.put(CopySource.REFCOUNT, 20.0 * scale + 5);
        copied.put(CopySource.GC, 150.0 * scale);
        copied.put(CopySource.ALLOCATOR, 8.0);
        copied.put(CopySource.MUTATION, 1.5);
        copied.put(CopySource.SHUTDOWN, name.endsWith("-exit") ? 0.0 : 180.0);
        double privateMean = 201.23456 * scale + 20;
        WorkerFigures worker = new WorkerFigures(240.0, new MemoryFigures(
                new Estimate(privateMean, privateMean - 2.5, privateMean + 2.5), privateMean * 1.1,
                privateMean * 1.15, privateMean * 1.2), copied, 12.0 * scale, 50_000,
                LONGEST_LIFETIME_SECONDS);
        double hostMean = 250 + 70 * privateMean;
        HostFigures host = new HostFigures(70, new MemoryFigures(new Estimate(hostMean, hostMean - 100,
                hostMean + 100), hostMean * 1.05, hostMean * 1.08, hostMean * 1.1),
                new HostFigures.CpuOverhead(2.5 * scale, 0.4 * scale + 0.1, name.endsWith("-exit") ? 0 : 1.25));
        Map<CopySource, Double> pages = new EnumMap<>(Map.of(CopySource.GC, 38_400.0 * scale,
                CopySource.REFCOUNT, 6_400.0 * scale, CopySource.SHUTDOWN, 46_080.0));
        return new PolicyResult(name, description, worker, host, pages, hostSeries(scale),
                lifetime(scale, privateMean), deploy(name, hostMean), savings, null);
    }

    /** Five samples ten minutes apart; the stack grows as workers copy pages. */
    static TimeSeries hostSeries(double scale) {
        double[] seconds = {0, 600, 1200, 1800, 2400};
        double[][] values = new double[seconds.length][];
        for (int i = 0; i < seconds.length; i++) {
            double t = i / 4.0;
            values[i] = new double[] {250, 70 * 12, 70 * 20 * t * scale, 70 * 150 * t * scale, 70 * 8 * t,
                70 * 1.5 * t, 0, 70 * 2 * t, 240 - 180 * t * scale, 12 + 180 * t * scale};
        }
        return new TimeSeries(seconds, HOST_COLUMNS, values);
    }

    static TimeSeries lifetime(double scale, double privateMean) {
        double[] seconds = {0, 300, 900, 1800, 3600, 7200};
        double[][] values = new double[seconds.length][];
        for (int i = 0; i < seconds.length; i++) {
            double copied = (privateMean - 12) * (1 - Math.exp(-seconds[i] / 1800.0));
            values[i] = new double[] {240 - copied, 12 + copied};
        }
        return new TimeSeries(seconds, List.of("shared", "private"), values);
    }

    /** A spike at the deploy (t = 3600 s) whose height is the shutdown copying. */
    /** Host memory around a deploy that starts at 3600 s. */
    static TimeSeries deploy(String name, double hostMean) {
        double spike = name.endsWith("-exit") ? 300 : 70 * 180 * 0.6;
        double[] seconds = {3540, 3570, 3600, 3630, 3660, 3690, 3720};
        double[] bumps = {0, 0, 1, 0.7, 0.3, 0.1, 0};
        double[][] values = new double[seconds.length][];
        for (int i = 0; i < seconds.length; i++) {
            values[i] = new double[] {hostMean + spike * bumps[i], seconds[i] - 3600};
        }
        return new TimeSeries(seconds, List.of("host", "sinceDeployStart"), values);
    }
}
