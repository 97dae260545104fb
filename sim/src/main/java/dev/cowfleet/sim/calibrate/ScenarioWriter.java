package dev.cowfleet.sim.calibrate;

import dev.cowfleet.models.runtime.GcMode;
import dev.cowfleet.sim.scenario.Units;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code scenario.yaml}: a scenario that {@code cowfleet compare} runs as is, with the heap and
 * workload this calibration measured (each key with a comment saying how), every policy the
 * interpreter supports and {@code default} as the baseline. The host and traffic are this machine's
 * and a load it can carry; they are the lines to edit for a production host.
 */
final class ScenarioWriter {
    private static final double MIB = 1024.0 * 1024.0;
    /** Traffic that keeps half of the host's cores busy: a load the written host can carry. */
    private static final double BUSY_SHARE = 0.5;

    private ScenarioWriter() {
    }

    static String yaml(CalibrationReport report, int cores, long ramBytes) {
        ProbeReport probe = report.probe();
        ModelSetup setup = new ModelSetup(probe);
        MeasuredInputs in = setup.inputs();
        ProbeReport.HeapFacts heap = probe.heap();
        ProbeReport.RequestFacts request = probe.request();
        InheritedCounters counters = InheritedCounters.of(probe);
        String version = probe.python().version();
        String source = probe.app() != null ? "--app " + probe.app() : "--preload " + probe.preload();
        StringBuilder out = new StringBuilder();
        out.append("# Written by `cowfleet calibrate ").append(source).append("` on Python ").append(version)
                .append(".\n# Every heap and workload key below was measured; host and traffic are this machine's:\n")
                .append("# set them to your production host before trusting the capacity figures.\n");
        out.append("name: calibrated-").append(slug(probe.app() != null ? probe.app() : probe.preload())).append('\n');
        out.append("question: \"Which GC policy saves the most memory for ").append(source.replace("\"", ""))
                .append(" on Python ").append(version).append("?\"\n");
        out.append("python: \"").append(version).append("\"\n");
        out.append("processManager: gunicorn\n");
        out.append("seed: 1\n\n");
        int workers = Math.max(1, 2 * cores + 1);
        out.append("host:                          # this machine; Gunicorn's recommended 2 x cores + 1 workers\n");
        out.append("  workers: ").append(workers).append('\n');
        out.append("  ram: ").append(Units.formatSize(ramBytes)).append('\n');
        out.append("  cores: ").append(cores).append("\n\n");

        out.append("heap:\n  measured:\n");
        key(out, 4, "heapSize", Units.formatSize(in.heapBytes()), in.sources().get("heap.measured.heapSize"));
        key(out, 4, "trackedPages", String.valueOf(heap.trackedPages()), "pages holding a GC header: (id(o) - gc_head) // 4096 over gc.get_objects()");
        key(out, 4, "trackedObjects", String.valueOf(heap.trackedObjects()), "len(gc.get_objects()) in a fork of the master");
        key(out, 4, "totalObjects", String.valueOf(heap.totalObjects()), "distinct ids reachable by gc.get_referents from gc.get_objects()");
        key(out, 4, "frozenObjects", String.valueOf(heap.frozenObjects()), "gc.get_freeze_count() after import");
        key(out, 4, "mainObjects", String.valueOf(heap.mainObjects()), "len(vars(__main__))");
        key(out, 4, "nonObjectSize", Units.formatSize(in.nonObjectBytes()), in.sources().get("heap.measured.nonObjectSize"));
        key(out, 2, "hotObjects", percent(in.hotFraction()), in.sources().get("heap.hotObjects"));
        key(out, 2, "hotLayout", "scattered", "the saturation curve is fitted with hot objects scattered over the pages");
        key(out, 2, "freeSlots", percent(in.freeSlotFraction()), in.sources().get("heap.freeSlots"));
        key(out, 2, "frozenCyclicShare", percent(in.frozenCyclicShare()), in.sources().get("heap.frozenCyclicShare"));
        out.append("  gcCounters:                  # gc.get_count() in the master at fork; long-lived ones ")
                .append(counters.method()).append('\n');
        List<Long> count = probe.gc().countAtFork();
        out.append("    count0: ").append(count.get(0)).append('\n');
        out.append("    count1: ").append(count.get(1)).append('\n');
        out.append("    count2: ").append(count.get(2)).append('\n');
        out.append("    longLivedTotal: ").append(counters.longLivedTotal()).append('\n');
        out.append("    longLivedPending: ").append(counters.longLivedPending()).append("\n\n");

        double cpu = request.cpuPerRequest() != null && request.cpuPerRequest() > 0 ? request.cpuPerRequest() : 0.001;
        cpu = Math.max(1e-6, Math.round(cpu * 1e6) / 1e6);
        double rate = Math.max(1, Math.floor(BUSY_SHARE * Math.min(workers, cores) / cpu));
        out.append("workload:\n");
        key(out, 2, "requestsPerSecond", Units.formatRate(rate), "a load keeping half of this host's cores busy; set your peak");
        key(out, 2, "cpuPerRequest", Units.formatDuration(cpu), request.cpuPerRequest() != null
                ? in.sources().get("workload.cpuPerRequest") : "not measured for the synthetic request: 1ms");
        key(out, 2, "inheritedObjectsTouched", String.valueOf(setup.touches()), in.sources().get("workload.inheritedObjectsTouched"));
        key(out, 2, "mutatedObjects", String.valueOf(request.mutatedObjects()), "not separable from refcount writes in the curve: 0");
        key(out, 2, "trackedAllocationsPeak", String.valueOf(request.trackedAllocationsPeak()), in.sources().get("workload.trackedAllocationsPeak"));
        key(out, 2, "trackedSurvivors", String.valueOf(request.trackedSurvivors()), in.sources().get("workload.trackedSurvivors"));
        key(out, 2, "cyclicGarbage", Units.formatSize(request.cyclicGarbageBytes()), in.sources().get("workload.cyclicGarbage"));
        key(out, 2, "liveGrowth", Units.formatSize(request.liveGrowthBytes()), in.sources().get("workload.liveGrowth"));
        out.append('\n');
        long baseline = Math.round((baselineBytes(probe) + in.warmupBytes()) / 4096.0) * 4096;
        out.append("costs:\n");
        key(out, 2, "workerBaseline", Units.formatSize(baseline), in.sources().get("costs.workerBaseline")
                + String.format(Locale.ROOT, " (%.1f MiB)", baseline / MIB));
        out.append('\n');
        out.append("baseline: default\n");
        out.append("policies:                      # every policy the probe ran on this interpreter\n");
        for (String policy : policies(probe)) {
            String line = "  " + policy + ": " + policyYaml(policy, setup.libraryEnablesGcAfter(gcMode(policy)));
            out.append(line);
            if (line.contains("libraryEnablesGcAfter")) {
                out.append(" ".repeat(Math.max(1, 31 - line.length()))).append("# ")
                        .append(in.sources().get("policies.libraryEnablesGcAfter"));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static double baselineBytes(ProbeReport probe) {
        return probe.experiment().policies().stream().filter(p -> p.policy().equals("default")).findFirst()
                .or(() -> probe.experiment().policies().stream().findFirst())
                .map(p -> p.workers().stream().mapToLong(w -> w.fork().uss()).average().orElse(0))
                .orElse(0.0);
    }

    /** The experiment's policies with default first, so the baseline exists whatever --policies chose. */
    private static List<String> policies(ProbeReport probe) {
        List<String> names = new ArrayList<>(List.of("default"));
        for (ProbeReport.PolicyRun run : probe.experiment().policies()) {
            if (!names.contains(run.policy())) {
                names.add(run.policy());
            }
        }
        return names;
    }

    /** The collector mode of a probe policy name. */
    private static GcMode gcMode(String policy) {
        return base(policy).equals("disable") ? GcMode.DISABLED
                : base(policy).equals("threshold0") ? GcMode.THRESHOLD0 : GcMode.ENABLED;
    }

    private static String base(String policy) {
        return policy.endsWith("-exit") ? policy.substring(0, policy.length() - "-exit".length()) : policy;
    }

    /**
     * A probe policy's scenario form; {@code libraryEnablesGcAfter} > 0 (measured, only for
     * {@code gc: disable}) adds the library's {@code gc.enable()}.
     */
    static String policyYaml(String policy, long libraryEnablesGcAfter) {
        boolean exit = policy.endsWith("-exit");
        String base = base(policy);
        List<String> keys = new ArrayList<>();
        switch (base) {
            case "disable" -> {
                keys.add("gc: disable");
                if (libraryEnablesGcAfter > 0) {
                    keys.add("libraryEnablesGcAfter: " + libraryEnablesGcAfter);
                }
            }
            case "threshold0" -> keys.add("gc: threshold0");
            case "freeze" -> keys.add("freeze: true");
            case "default" -> { }
            default -> throw new CalibrationException("probe policy '" + policy + "' has no scenario form");
        }
        if (exit) {
            keys.add("exit: os._exit");
        }
        return "{" + String.join(", ", keys) + "}";
    }

    private static void key(StringBuilder out, int indent, String key, String value, String comment) {
        String line = " ".repeat(indent) + key + ": " + value;
        out.append(line).append(" ".repeat(Math.max(1, 31 - line.length()))).append("# ").append(comment).append('\n');
    }

    private static String percent(double fraction) {
        return Units.formatFraction(fraction);
    }

    private static String slug(String module) {
        return module.replaceAll("[^A-Za-z0-9._-]", "-");
    }
}
