package dev.cowfleet.sim.calibrate;

import dev.cowfleet.models.runtime.PythonVersion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** CPython 3.6+ interpreters installed with pyenv on this machine, oldest first. */
final class Interpreters {
    static final Path PYENV_VERSIONS = Path.of(System.getProperty("user.home"), ".pyenv", "versions");

    private Interpreters() {
    }

    static List<Path> found() {
        if (!Files.isDirectory(PYENV_VERSIONS)) {
            return List.of();
        }
        try (Stream<Path> versions = Files.list(PYENV_VERSIONS)) {
            return versions.filter(v -> v.getFileName().toString().matches("3\\.\\d+\\.\\d+"))
                    .filter(v -> Files.isExecutable(v.resolve("bin/python")))
                    .sorted(Comparator.comparing(v -> PythonVersion.parse(v.getFileName().toString())))
                    .map(v -> v.resolve("bin/python"))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    static String version(Path python) {
        return python.getParent().getParent().getFileName().toString();
    }

    static boolean linuxProc() {
        return Files.exists(Path.of("/proc/self/smaps_rollup")) || Files.exists(Path.of("/proc/self/smaps"));
    }
}
