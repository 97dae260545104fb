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
 * Samples a master and every worker once a second. Workers are the master's live children at each
 * look, so a worker that the server recycles shows up under its new PID; one that ends is recorded as
 * an exit with the faults it made after its last look. A worker caught as a zombie gives its final
 * count itself; one already reaped between two looks gives it through the master's reaped-children
 * count, which also receives each zombie's total once the master gets round to reaping it.
 */
final class Sampler implements AutoCloseable {
    private final ProcReader reader;
    private final long master;
    private final Instant start;
    private final List<ProcSample> samples = new ArrayList<>();
    private final List<WorkerExit> exits = new ArrayList<>();
    private final Set<Long> workersSeen = new LinkedHashSet<>();
    /** Each live worker's minor faults at the last look. */
    private final Map<Long, Long> lastFaults = new HashMap<>();
    /** Zombie children's final minor faults, which arrive in the master's count when it reaps them. */
    private final Map<Long, Long> unreaped = new HashMap<>();
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
        Map<Long, ProcReader.Stat> children = reader.children(master);
        children.forEach((pid, stat) -> {
            if (stat.state() != 'Z') {
                lastFaults.put(pid, stat.minorFaults());
                reader.sample(pid, "worker", seconds, now).ifPresent(s -> {
                    samples.add(s);
                    workersSeen.add(pid);
                });
            }
        });
        recordExits(children, seconds);
    }

    /** The master's live children: a zombie waiting to be reaped is no longer a worker. */
    List<Long> workers() {
        return reader.children(master).entrySet().stream()
                .filter(child -> child.getValue().state() != 'Z')
                .map(Map.Entry::getKey)
                .toList();
    }

    private void recordExits(Map<Long, ProcReader.Stat> children, double seconds) {
        children.forEach((pid, stat) -> {
            if (stat.state() == 'Z' && unreaped.putIfAbsent(pid, stat.minorFaults()) == null && lastFaults.containsKey(pid)) {
                exits.add(new WorkerExit(seconds, pid, stat.minorFaults() - lastFaults.remove(pid), false));
            }
        });
        long childFaults = reader.stat(master).map(ProcReader.Stat::childMinorFaults).orElse(-1L);
        long unexplained = childFaults - masterChildFaults;
        for (var zombie = unreaped.entrySet().iterator(); zombie.hasNext(); ) {
            var entry = zombie.next();
            if (!children.containsKey(entry.getKey())) {
                unexplained -= entry.getValue();
                zombie.remove();
            }
        }
        List<Long> reaped = lastFaults.keySet().stream().filter(pid -> !children.containsKey(pid)).sorted().toList();
        if (!reaped.isEmpty() && masterChildFaults >= 0 && childFaults >= 0) {
            // Reaped unseen: what the master's count gained beyond known totals, split evenly when several went at once.
            for (long pid : reaped) {
                unexplained -= lastFaults.get(pid);
            }
            for (long pid : reaped) {
                exits.add(new WorkerExit(seconds, pid, Math.max(0, unexplained / reaped.size()), false));
            }
        }
        reaped.forEach(lastFaults::remove);
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
