package dev.cowfleet.sim.calibrate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine the calibration ran on, for the host section of the scenario it writes. */
final class HostFacts {
    private static final long FALLBACK_RAM = 8L << 30;

    private HostFacts() {
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** {@code MemTotal} of /proc/meminfo, rounded down to whole MiB. */
    static long ramBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return (kib / 1024) << 20;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // no /proc/meminfo: the fallback is a plain, editable figure
        }
        return FALLBACK_RAM;
    }
}
