package dev.cowfleet.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code cowfleet calibrate} stopped by Ctrl-C or SIGTERM while its probe waits on an app's import:
 * the command runs as a child JVM whose temporary folder lands in this test's folder, so every probe
 * process (the master and the child the app forked) names that folder on its command line. After the
 * signal none of them may run and no temporary folder or output may be left.
 */
class CalibrateInterruptTest {
    private static final Path HOSTILE = Path.of("src/test/apps/hostile").toAbsolutePath();
    private static final long START_TIMEOUT_MS = 60_000;

    @ParameterizedTest
    @CsvSource({"TERM, 143", "INT, 130"})
    void signalDuringTheProbeLeavesNothingBehind(String signal, int status) throws Exception {
        Path root = Files.createTempDirectory("calibrate-interrupt-");
        Path tmp = Files.createDirectories(root.resolve("tmp"));
        Process calibrate = cowfleet(tmp, "calibrate", "--python", "/usr/bin/python3", "--app", "slowimportapp",
                "--requests", HOSTILE.resolve("mix.txt").toString(), "--chdir", HOSTILE.toString(),
                "--out", root.resolve("out").toString());
        try {
            awaitProbeProcesses(calibrate, tmp, 2);
            assertEquals(1, listing(tmp).size(), "the probe's temporary folder exists before the signal");
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(calibrate.pid())).inheritIO().start();
            assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -" + signal);
            assertTrue(calibrate.waitFor(30, TimeUnit.SECONDS), "calibrate ends after SIG" + signal);
            assertEquals(status, calibrate.exitValue(), "exit status after SIG" + signal);
            assertEquals(List.of(), probeProcesses(tmp), "probe processes after SIG" + signal);
            assertEquals(List.of(), listing(tmp), "temporary folders after SIG" + signal);
            assertEquals(List.of("tmp"), listing(root), "nothing written to --out");
        } finally {
            calibrate.destroyForcibly();
            calibrate.waitFor(10, TimeUnit.SECONDS);
            probeProcesses(tmp).forEach(ProcessHandle::destroyForcibly);
            deleteTree(root);
        }
    }

    /** As ObserveInterruptTest: {@code env --default-signal=INT} undoes an ignored SIGINT inherited from a background build. */
    private static Process cowfleet(Path tmp, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("env", "--default-signal=INT",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true", "-Djava.io.tmpdir=" + tmp,
                Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static void awaitProbeProcesses(Process calibrate, Path tmp, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (probeProcesses(tmp).size() < count) {
            assertTrue(calibrate.isAlive() && System.currentTimeMillis() < deadline,
                    "the probe and the app's child did not start: " + probeProcesses(tmp));
            Thread.sleep(200);
        }
        // The probe's master is inside the app's two-minute import now.
        Thread.sleep(1_000);
    }

    private static List<ProcessHandle> probeProcesses(Path tmp) {
        String folder = tmp.toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(folder) && c.contains("python")).orElse(false))
                .toList();
    }

    private static List<String> listing(Path folder) throws IOException {
        try (var entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
