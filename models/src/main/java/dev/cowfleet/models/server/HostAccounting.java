package dev.cowfleet.models.server;

import dev.cowfleet.models.memory.Smaps;

import java.util.ArrayList;
import java.util.List;

/**
 * smaps-style figures for the processes of one host: the master and its live workers.
 *
 * <p>Every inherited page exists once physically (the master's) plus once per worker that copied
 * it. A copy is private to its worker. An original page is mapped by the master and by every worker
 * that still has it clean; its PSS is split among them. Workers only know how many pages of each
 * class they still share, not which ones, so each class's original pages are split mean-field: in
 * proportion to the pages each process maps (the master all {@code N}, a worker its clean count),
 * in whole bytes, with the rounding remainder given to the master. Hence, exactly,
 * {@code sum of PSS = master bytes + sum of worker private bytes}. The master's "shared" pages are
 * those at least one worker still maps, assuming workers' clean sets are independent.
 */
public final class HostAccounting {
    private HostAccounting() {
    }

    /** Figures per process, master first, then the workers in the given order. */
    public static List<Smaps> smaps(Master master, List<Worker> workers) {
        int classes = master.classes().size();
        int w = workers.size();
        long pageBytes = master.pageBytes();
        long[] workerPss = new long[w];
        long masterPss = 0;
        double masterShared = 0;
        for (int c = 0; c < classes; c++) {
            long pages = master.classes().get(c).pages();
            long mapped = pages;
            double noneShares = 1;
            for (int i = 0; i < w; i++) {
                long clean = workers.get(i).cleanPages(c);
                mapped += clean;
                noneShares *= pages == 0 ? 1 : 1 - (double) clean / pages;
            }
            long classBytes = pages * pageBytes;
            long given = 0;
            for (int i = 0; i < w; i++) {
                long share = (long) Math.floor((double) classBytes * workers.get(i).cleanPages(c) / mapped);
                workerPss[i] += share;
                given += share;
            }
            masterPss += classBytes - given;
            masterShared += pages * (1 - noneShares);
        }
        List<Smaps> out = new ArrayList<>(w + 1);
        long masterBytes = master.masterBytes();
        long masterSharedBytes = Math.round(masterShared) * pageBytes;
        out.add(new Smaps(masterBytes, masterPss, masterBytes - masterSharedBytes, masterSharedBytes,
                masterBytes - masterSharedBytes));
        for (int i = 0; i < w; i++) {
            Worker worker = workers.get(i);
            long priv = worker.privateBytes();
            long shared = worker.sharedBytes();
            out.add(new Smaps(priv + shared, priv + workerPss[i], priv, shared, priv));
        }
        return out;
    }

    /** Physical memory of the host's processes: the master's pages plus every worker's private bytes. */
    public static long physicalBytes(Master master, List<Worker> workers) {
        long total = master.masterBytes();
        for (Worker worker : workers) {
            total += worker.privateBytes();
        }
        return total;
    }
}
