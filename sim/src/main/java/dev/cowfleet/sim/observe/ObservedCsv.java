package dev.cowfleet.sim.observe;

import java.util.Locale;

/**
 * observed.csv: one row per process per sample (memory in KiB as the kernel reports it), then one row
 * per worker exit (role "exit" for the final stop, "recycled" for a worker the server replaced) whose
 * minor_faults are the faults of that exit and whose memory columns are empty.
 */
final class ObservedCsv {
    static final String FILE = "observed.csv";
    static final String HEADER = "time_s,pid,role,age_s,rss_kib,pss_kib,shared_kib,private_kib,minor_faults";

    private ObservedCsv() {
    }

    static String render(Observation observation) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (ProcSample s : observation.samples()) {
            csv.append(String.format(Locale.ROOT, "%.3f,%d,%s,%.3f,%d,%d,%d,%d,%d%n", s.seconds(), s.pid(), s.role(),
                    s.ageSeconds(), s.rssKiB(), s.pssKiB(), s.sharedKiB(), s.privateKiB(), s.minorFaults()));
        }
        for (WorkerExit e : observation.exits()) {
            csv.append(String.format(Locale.ROOT, "%.3f,%d,%s,,,,,,%d%n", e.seconds(), e.pid(),
                    e.stopped() ? "exit" : "recycled", e.exitFaults()));
        }
        return csv.toString();
    }
}
