package dev.cowfleet.sim.host;

import dev.cowfleet.models.memory.CopySource;
import dev.cowfleet.models.server.CpuUse;
import dev.cowfleet.models.server.ExitKind;
import dev.cowfleet.models.server.Worker;

/**
 * Turns the host's state at sample instants and at worker exits into a {@link HostRunResult}.
 * Knows how a worker's private memory splits by cause; knows nothing about events.
 */
final class HostRecorder {
    private static final CopySource[] SOURCES = CopySource.values();
    private static final CpuUse[] CPU_USES = CpuUse.values();

    private final HostRunResult result;
    private final long masterBytes;
    private final long baselineBytes;
    private final double[] row = new double[MemoryColumn.COUNT];

    HostRecorder(HostRunResult result, long masterBytes, long baselineBytes) {
        this.result = result;
        this.masterBytes = masterBytes;
        this.baselineBytes = baselineBytes;
    }

    HostRunResult result() {
        return result;
    }

    /** Records the host at sample {@code index}, taken at {@code now}; {@code readings[i]} is slot i's worker then. */
    void sample(int index, double now, WorkerSlot[] slots, Worker[] readings) {
        double[] memory = result.memory[index];
        memory[MemoryColumn.MASTER.index()] = masterBytes;
        double sharedSum = 0;
        double privateSum = 0;
        int live = 0;
        for (int i = 0; i < slots.length; i++) {
            WorkerSlot slot = slots[i];
            if (slot.state == WorkerSlot.State.EMPTY) {
                continue;
            }
            double privateBytes = split(slot, readings[i], now, row);
            for (int c = 1; c < row.length; c++) {
                memory[c] += row[c];
            }
            double shared = sharedBytes(slot, readings[i], now);
            sharedSum += shared;
            privateSum += privateBytes;
            live++;
            result.workerPrivate.add(privateBytes);
        }
        result.workerSharedMean[index] = live == 0 ? 0 : sharedSum / live;
        result.workerPrivateMean[index] = live == 0 ? 0 : privateSum / live;
        result.hostMemory.add(result.hostBytesAt(index));
        result.peakHostBytes = Math.max(result.peakHostBytes, result.hostBytesAt(index));
    }

    /**
     * A worker exit copies everything it still shares within a second or two, between samples; the
     * host's peak is reached when the exits under way have copied it all. Counting every exiting
     * worker at its full copy is exact for simultaneous exits (a deploy) and an upper bound otherwise.
     *
     * @param hostBytes host memory at the exit peak ({@link PrivateMemoryTally#atExitPeak})
     */
    void exitPeak(double hostBytes) {
        result.peakHostBytes = Math.max(result.peakHostBytes, hostBytes);
    }

    /** Inherited bytes a slot still shares; an exiting worker shares what its shutdown has not copied yet. */
    private static double sharedBytes(WorkerSlot slot, Worker worker, double now) {
        double shared = worker.sharedBytes();
        if (slot.state == WorkerSlot.State.EXITING) {
            shared += slot.exitBytes * (1.0 - slot.exitProgress(now));
        }
        return shared;
    }

    /** Host physical memory at {@code now}, exiting workers counting the part of their shutdown copy made so far. */
    double hostBytes(double now, WorkerSlot[] slots) {
        double total = masterBytes;
        for (WorkerSlot slot : slots) {
            total += privateBytes(slot, now);
        }
        return total;
    }

    /** A slot's private bytes at {@code now} (0 for an empty slot). */
    double privateBytes(WorkerSlot slot, double now) {
        return privateBytes(slot, slot.worker, now);
    }

    /** As {@link #privateBytes(WorkerSlot, double)} for the slot's worker read as {@code worker}. */
    private static double privateBytes(WorkerSlot slot, Worker worker, double now) {
        if (slot.state == WorkerSlot.State.EMPTY) {
            return 0;
        }
        double privateBytes = worker.privateBytes();
        if (slot.state == WorkerSlot.State.EXITING) {
            privateBytes -= slot.exitBytes * (1.0 - slot.exitProgress(now));
        }
        return privateBytes;
    }

    void deploySample(int index, double now, WorkerSlot[] slots, Worker[] readings) {
        double total = masterBytes;
        for (int i = 0; i < slots.length; i++) {
            total += privateBytes(slots[i], readings[i], now);
        }
        result.deployWindow[index] = total;
    }

    /** A live worker reached age index {@code a}. */
    void age(int a, Worker worker, boolean settled) {
        result.ageSharedSum[a] += worker.sharedBytes();
        result.agePrivateSum[a] += worker.privateBytes();
        result.ageCount[a]++;
        if (settled) {
            result.sharedAfterFork.add(worker.sharedBytes());
        }
    }

    /**
     * The end of the run at {@code now}. A live worker's lifetime is censored there, unless the server
     * stops (SIGTERM to every worker, as a real run that observe measures ends): then each running
     * worker exits gracefully, as its policy has it exit, and its exit counts like a recycled one's. The
     * workers were served up to {@code now} by the interval that ends the run. A stuck worker cannot
     * take the graceful path before it is killed, so it stays censored.
     */
    void runEnded(WorkerSlot[] slots, double now, boolean serverStops) {
        for (WorkerSlot slot : slots) {
            boolean stops = serverStops && slot.state == WorkerSlot.State.RUNNING;
            if (stops) {
                slot.worker.exit(ExitKind.NORMAL, slot.lifecycle);
            }
            if (slot.alive()) {
                lifetimeEnded(slot.worker, stops, now - slot.forkTime);
            }
        }
    }

    /** Closes a worker's lifetime of {@code ageSeconds}: at its exit, or censored at the end of the run. */
    void lifetimeEnded(Worker worker, boolean exited, double ageSeconds) {
        result.longestLifetimeSeconds = Math.max(result.longestLifetimeSeconds, ageSeconds);
        result.requestsPerLifetime.add(worker.requestsServed());
        result.fullCollectionsPerLifetime.add(worker.fullCollections());
        for (CopySource source : SOURCES) {
            if (source != CopySource.SHUTDOWN) {
                result.copiedPagesSum[source.ordinal()] += worker.copiedPages(source);
            }
        }
        if (exited) {
            result.shutdownPages.add(worker.copiedPages(CopySource.SHUTDOWN));
        }
        for (CpuUse use : CPU_USES) {
            result.cpuSeconds[use.ordinal()] += worker.cpuSeconds(use);
        }
    }

    void oomKill() {
        result.oomKills++;
    }

    void harakiriKill() {
        result.harakiriKills++;
    }

    /** Fills {@code columns} with a slot's private bytes by cause; returns their sum. */
    private double split(WorkerSlot slot, Worker worker, double now, double[] columns) {
        double copied = 0;
        for (CopySource source : SOURCES) {
            double bytes = worker.copiedBytes(source);
            if (source == CopySource.SHUTDOWN && slot.state == WorkerSlot.State.EXITING) {
                bytes = slot.exitBytes * slot.exitProgress(now);
            }
            columns[MemoryColumn.index(source)] = bytes;
            copied += bytes;
        }
        double privateBytes = privateBytes(slot, worker, now);
        columns[MemoryColumn.BASELINE.index()] = Math.min(baselineBytes, privateBytes - copied);
        columns[MemoryColumn.HEAP_GROWTH.index()] = Math.max(0, privateBytes - copied - baselineBytes);
        return privateBytes;
    }
}
