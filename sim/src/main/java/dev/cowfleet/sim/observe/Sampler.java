package dev.cowfleet.sim.observe;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples a master and every worker once a second. Workers are the master's children at each look,
 * so a worker that the server recycles shows up under its new PID; one that disappears is recorded
 * as an exit, with the faults it made after its last sample taken from the master's reaped-children
 * count.
 */
final class Sampler implements AutoCloseable {
    private final ProcReader reader;
    private final long master;
    private final Instant start;
    private final List<ProcSample> samples = new ArrayList<>();
    private final List<WorkerExit> exits = new ArrayList<>();
    private final Set<Long> workersSeen = new LinkedHashSet<>();
    private final Map<Long, Long> lastFaults = new HashMap<>();
    private long masterChildFaults = -1;
    private ScheduledExecutorService timer;

    Sampler(ProcReader reader, long master, Instant start) {
        this.reader = reader;
        this.master = master;
        this.start = start;
    }

    void start(Duration every) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cowfleet-sampler");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::sampleNow, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Takes one sample of the master and every current worker. */
    synchronized void sampleNow() {
        Instant now = Instant.now();
        double seconds = Duration.between(start, now).toMillis() / 1000.0;
        reader.sample(master, "master", seconds, now).ifPresent(samples::add);
        List<Long> current = workers();
        for (long pid : current) {
            reader.sample(pid, "worker", seconds, now).ifPresent(s -> {
                samples.add(s);
                workersSeen.add(pid);
                lastFaults.put(pid, s.minorFaults());
            });
        }
        recordExits(current, seconds);
    }

    /** The master's live children: a zombie waiting to be reaped is no longer a worker. */
    List<Long> workers() {
        return reader.children(master).stream()
                .filter(pid -> reader.stat(pid).map(s -> s.state() != 'Z').orElse(false))
                .toList();
    }

    private void recordExits(List<Long> current, double seconds) {
        List<Long> gone = new ArrayList<>();
        for (long pid : lastFaults.keySet()) {
            if (!current.contains(pid)) {
                gone.add(pid);
            }
        }
        long childFaults = reader.stat(master).map(ProcReader.Stat::childMinorFaults).orElse(-1L);
        if (!gone.isEmpty() && masterChildFaults >= 0 && childFaults >= 0) {
            // The reaped children's total arrives in the master's cminflt; split it evenly when several went at once.
            long beyondLastSample = childFaults - masterChildFaults;
            for (long pid : gone) {
                beyondLastSample -= lastFaults.get(pid);
            }
            for (long pid : gone) {
                exits.add(new WorkerExit(seconds, pid, Math.max(0, beyondLastSample / gone.size()), false));
            }
        }
        gone.forEach(lastFaults::remove);
        if (childFaults >= 0) {
            masterChildFaults = childFaults;
        }
    }

    synchronized void addStopExits(List<WorkerExit> stopExits) {
        exits.addAll(stopExits);
        stopExits.forEach(e -> lastFaults.remove(e.pid()));
    }

    synchronized List<ProcSample> samples() {
        return List.copyOf(samples);
    }

    synchronized List<WorkerExit> exits() {
        return List.copyOf(exits);
    }

    synchronized Set<Long> workersSeen() {
        return Set.copyOf(workersSeen);
    }

    double secondsSinceStart() {
        return Duration.between(start, Instant.now()).toMillis() / 1000.0;
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
