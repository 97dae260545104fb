package dev.cowfleet.sim.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parsing /proc as the kernel writes it, on a fake tree and on this JVM's own entries. */
class ProcReaderTest {
    @TempDir
    Path proc;

    private void process(long pid, String comm, char state, long ppid, long minflt, long cminflt) throws Exception {
        Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)));
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt ...
        Files.writeString(dir.resolve("stat"), pid + " (" + comm + ") " + state + " " + ppid + " " + ppid + " 1 0 -1 4194560 "
                + minflt + " " + cminflt + " 0 0 5 3 0 0 20 0 1 0 12345 1000 50\n");
        Files.writeString(dir.resolve("smaps_rollup"), """
                55d0c0000000-7ffc00000000 ---p 00000000 00:00 0                          [rollup]
                Rss:               60012 kB
                Pss:               14648 kB
                Shared_Clean:      40000 kB
                Shared_Dirty:      16328 kB
                Private_Clean:       100 kB
                Private_Dirty:      3584 kB
                Swap:                  0 kB
                """);
    }

    @Test
    void statFieldsAfterACommandNameWithSpacesAndParentheses() throws Exception {
        process(20, "gunicorn: worker [app) x]", 'S', 10, 951, 7);
        ProcReader.Stat stat = new ProcReader(proc).stat(20).orElseThrow();
        assertEquals('S', stat.state());
        assertEquals(10, stat.ppid());
        assertEquals(951, stat.minorFaults());
        assertEquals(7, stat.childMinorFaults());
    }

    @Test
    void rollupSumsSharedAndPrivate() throws Exception {
        process(20, "python3", 'S', 10, 951, 0);
        var rollup = new ProcReader(proc).rollup(20);
        assertEquals(60012, rollup.get("Rss"));
        assertEquals(3584, rollup.get("Private_Dirty"));
    }

    @Test
    void childrenAreTheProcessesNamingTheParent() throws Exception {
        process(10, "master", 'S', 1, 0, 0);
        process(21, "worker", 'S', 10, 0, 0);
        process(20, "worker", 'Z', 10, 0, 0);
        process(30, "other", 'S', 1, 0, 0);
        Files.createDirectories(proc.resolve("self"));
        assertEquals(List.of(20L, 21L), List.copyOf(new ProcReader(proc).children(10).keySet()));
    }

    @Test
    void sampleOfThisJvmReadsTheRealKernel() {
        long pid = ProcessHandle.current().pid();
        ProcSample sample = new ProcReader().sample(pid, "master", 1.5, Instant.now()).orElseThrow();
        assertTrue(sample.rssKiB() > 0 && sample.pssKiB() > 0 && sample.minorFaults() > 0, sample::toString);
        assertEquals(sample.rssKiB(), sample.sharedKiB() + sample.privateKiB(), sample.rssKiB() / 50.0,
                "Rss is shared plus private");
        assertTrue(sample.ageSeconds() > 0);
    }
}
