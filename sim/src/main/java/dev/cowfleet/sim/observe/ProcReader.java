package dev.cowfleet.sim.observe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads what Linux says about one process: {@code /proc/PID/smaps_rollup} for memory,
 * {@code /proc/PID/stat} for state and minor faults, and the start time for its age. A process that
 * vanishes between two reads is simply absent.
 */
final class ProcReader {
    private final Path proc;

    ProcReader() {
        this(Path.of("/proc"));
    }

    ProcReader(Path proc) {
        this.proc = proc;
    }

    /** The process's memory and faults now, or empty when it has exited (or is a zombie without memory). */
    Optional<ProcSample> sample(long pid, String role, double seconds, Instant now) {
        Optional<Stat> stat = stat(pid);
        Map<String, Long> rollup = rollup(pid);
        Optional<Instant> start = ProcessHandle.of(pid).flatMap(h -> h.info().startInstant());
        if (stat.isEmpty() || rollup.isEmpty() || start.isEmpty() || !rollup.containsKey("Rss")) {
            return Optional.empty();
        }
        double age = Duration.between(start.get(), now).toMillis() / 1000.0;
        long shared = rollup.getOrDefault("Shared_Clean", 0L) + rollup.getOrDefault("Shared_Dirty", 0L);
        long privateDirty = rollup.getOrDefault("Private_Dirty", 0L);
        long priv = rollup.getOrDefault("Private_Clean", 0L) + privateDirty;
        return Optional.of(new ProcSample(seconds, pid, role, Math.max(0, age), rollup.get("Rss"),
                rollup.getOrDefault("Pss", 0L), shared, priv, privateDirty, stat.get().minorFaults()));
    }

    /** Field values in KiB of {@code smaps_rollup}, empty when the process is gone. */
    Map<String, Long> rollup(long pid) {
        Map<String, Long> values = new HashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(proc.resolve(pid + "/smaps_rollup"));
        } catch (IOException e) {
            return values;
        }
        for (String line : lines) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 3 && parts[0].endsWith(":") && parts[2].equals("kB")) {
                values.put(parts[0].substring(0, parts[0].length() - 1), Long.parseLong(parts[1]));
            }
        }
        return values;
    }

    /** State letter, parent, process group and minor faults; a zombie keeps its fault count until reaped. */
    record Stat(char state, long ppid, long pgrp, long minorFaults, long childMinorFaults) {
    }

    Optional<Stat> stat(long pid) {
        String text;
        try {
            text = Files.readString(proc.resolve(pid + "/stat"));
        } catch (IOException e) {
            return Optional.empty();
        }
        // The command name in parentheses may hold spaces; the fields after its closing one do not.
        String[] f = text.substring(text.lastIndexOf(')') + 2).trim().split(" ");
        return Optional.of(new Stat(f[0].charAt(0), Long.parseLong(f[1]), Long.parseLong(f[2]),
                Long.parseLong(f[7]), Long.parseLong(f[8])));
    }

    /** Children of a process in pid order, with the stat each was found by (its parent field). */
    SortedMap<Long, Stat> children(long parent) {
        SortedMap<Long, Stat> children = new TreeMap<>();
        try (var entries = Files.list(proc)) {
            entries.map(p -> p.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong)
                    .forEach(pid -> stat(pid).filter(s -> s.ppid() == parent).ifPresent(s -> children.put(pid, s)));
        } catch (IOException e) {
            return children;
        }
        return children;
    }
}
