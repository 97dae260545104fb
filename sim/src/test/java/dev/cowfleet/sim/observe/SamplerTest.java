package dev.cowfleet.sim.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.io.CleanupMode;

/**
 * A worker's exit faults on a fake /proc, hand-counted: whether the sampler catches the worker as a
 * zombie or only after the master reaped it, and however late the master reaps, each exit gets what
 * that worker faulted after its last look, and nothing of another worker's.
 */
class SamplerTest {
    private static final long MASTER = 10;

    @TempDir(cleanup = CleanupMode.ALWAYS)
    Path proc;

    private void process(long pid, char state, long ppid, long minflt, long cminflt) throws Exception {
        Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
        Files.writeString(dir.resolve("stat"), pid + " (python3) " + state + " " + ppid + " " + ppid + " 1 0 -1 4194560 "
                + minflt + " " + cminflt + " 0 0 5 3 0 0 20 0 1 0 12345 1000 50\n");
    }

    private void reaped(long pid) throws Exception {
        Files.delete(proc.resolve(pid + "/stat"));
        Files.delete(proc.resolve(Long.toString(pid)));
    }

    private Map<Long, Long> exitFaults(Sampler sampler) {
        return sampler.exits().stream().collect(Collectors.toMap(WorkerExit::pid, WorkerExit::exitFaults));
    }

    /** A sampler that has looked once at the master and its workers 21 and 22, with the faults given. */
    private Sampler lookedAtTwoWorkers(long masterReapedFaults, long faults21, long faults22) throws Exception {
        Sampler sampler = new Sampler(new ProcReader(proc), MASTER, Instant.now());
        process(MASTER, 'S', 1, 50, masterReapedFaults);
        process(21, 'S', MASTER, faults21, 0);
        process(22, 'S', MASTER, faults22, 0);
        sampler.sampleNow();
        return sampler;
    }

    @Test
    void aZombieGivesItsOwnFinalCountAndItsLateReapingIsNotChargedToAnotherExit() throws Exception {
        Sampler sampler = lookedAtTwoWorkers(0, 100, 200);

        // 21's exit wrote 800 pages; the master has not reaped it yet, so its own count is the only source.
        process(21, 'Z', MASTER, 900, 0);
        process(22, 'S', MASTER, 260, 0);
        sampler.sampleNow();
        assertEquals(Map.of(21L, 800L), exitFaults(sampler));
        assertEquals(List.of(22L), sampler.workers());

        // Between two looks the master reaps 21 (900 in total) and 22, which ended after 260 + 40 faults.
        reaped(21);
        reaped(22);
        process(MASTER, 'S', 1, 50, 900 + 300);
        process(23, 'S', MASTER, 10, 0);
        sampler.sampleNow();
        assertEquals(Map.of(21L, 800L, 22L, 40L), exitFaults(sampler));
        assertEquals(List.of(23L), sampler.workers());
    }

    @Test
    void workersReapedTogetherBetweenTwoLooksShareWhatTheMasterGained() throws Exception {
        Sampler sampler = lookedAtTwoWorkers(1000, 100, 300);

        reaped(21);
        reaped(22);
        process(MASTER, 'S', 1, 50, 1000 + 100 + 300 + 600);
        sampler.sampleNow();
        assertEquals(Map.of(21L, 300L, 22L, 300L), exitFaults(sampler));
    }
}
