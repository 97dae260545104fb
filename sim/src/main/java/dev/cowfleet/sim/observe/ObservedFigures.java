package dev.cowfleet.sim.observe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reduces an observation's samples to the compared figures. */
final class ObservedFigures {
    static final double KIB_PER_MIB = 1024;
    /** Linux on x86-64 and arm64 as shipped: one minor fault maps one 4 KiB page. */
    static final double PAGE_KIB = 4;
    static final double MINUTE = 60;

    private ObservedFigures() {
    }

    static Figures of(Observation observation) {
        List<ProcSample> workers = observation.samples().stream().filter(s -> s.role().equals("worker")).toList();
        double privateMean = workers.stream().mapToLong(ProcSample::privateKiB).average().orElse(Double.NaN) / KIB_PER_MIB;
        double privateMax = workers.stream().mapToLong(ProcSample::privateKiB).max().orElse(0) / KIB_PER_MIB;
        Map<Double, Long> host = hostKiB(observation.samples());
        double hostMean = host.values().stream().mapToLong(Long::longValue).average().orElse(Double.NaN) / KIB_PER_MIB;
        double hostMax = host.values().stream().mapToLong(Long::longValue).max().orElse(0) / KIB_PER_MIB;
        double age = sharedAge(workers);
        double shared = sharedAt(workers, age);
        // Every graceful exit, recycled during the run or stopped at its end, as the simulation counts them.
        double exit = observation.exits().stream()
                .mapToLong(WorkerExit::exitFaults).average().orElse(Double.NaN) * PAGE_KIB / KIB_PER_MIB;
        return new Figures(privateMean, privateMax, shared, hostMean, hostMax, exit);
    }

    /** Host memory at each sampling instant: the master's and workers' PSS summed. */
    static Map<Double, Long> hostKiB(List<ProcSample> samples) {
        Map<Double, Long> host = new TreeMap<>();
        for (ProcSample s : samples) {
            host.merge(s.seconds(), s.pssKiB(), Long::sum);
        }
        return host;
    }

    /** A minute, or the oldest worker's age when the run was shorter. */
    static double sharedAge(List<ProcSample> workers) {
        Map<Long, Double> oldest = new LinkedHashMap<>();
        for (ProcSample s : workers) {
            oldest.merge(s.pid(), s.ageSeconds(), Math::max);
        }
        double oldestOfAll = oldest.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return Math.min(MINUTE, oldestOfAll);
    }

    /** Per worker, the sample nearest the age; averaged over the workers that reached it (less one second). */
    static double sharedAt(List<ProcSample> workers, double age) {
        Map<Long, ProcSample> nearest = new LinkedHashMap<>();
        for (ProcSample s : workers) {
            ProcSample best = nearest.get(s.pid());
            if (best == null || Math.abs(s.ageSeconds() - age) < Math.abs(best.ageSeconds() - age)) {
                nearest.put(s.pid(), s);
            }
        }
        return nearest.values().stream().filter(s -> s.ageSeconds() >= age - 1)
                .mapToLong(ProcSample::sharedKiB).average().orElse(Double.NaN) / KIB_PER_MIB;
    }
}
