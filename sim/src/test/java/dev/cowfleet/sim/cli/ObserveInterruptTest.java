package dev.cowfleet.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code cowfleet observe} stopped by a signal while the server runs under load, as a user's Ctrl-C or
 * a supervisor's SIGTERM stops it: the command runs as a child JVM whose temporary folder lands in a
 * folder of this test's, and after the signal no server process, no temporary folder and no output
 * (whole or partial) is left.
 */
@ExtendWith(ObservedProcesses.NothingLeftRunning.class)
class ObserveInterruptTest {
    private static final long READY_TIMEOUT_MS = 90_000;

    @ParameterizedTest
    @CsvSource({"gunicorn, TERM, 143", "uwsgi, INT, 130"})
    void signalDuringLoadLeavesNothingBehind(String server, String signal, int status) throws Exception {
        Path root = Files.createTempDirectory("observe-interrupt-");
        Path tmp = Files.createDirectories(root.resolve("tmp"));
        Path out = root.resolve("out");
        Process observe = cowfleet(tmp, ObserveServersTest.observe(server, ObserveServersTest.FLASK, "flaskshop",
                "threshold0", out).stream().map(a -> a.equals("7s") ? "60s" : a).toList());
        try {
            StringBuilder err = new StringBuilder();
            awaitLoad(observe, err);
            List<String> running = ObservedProcesses.running();
            assertFalse(running.isEmpty(), "the server runs before the signal\n" + err);
            assertEquals(1, listing(tmp).size(), "observe's temporary folder exists before the signal: " + listing(tmp));
            signal(signal, observe.pid());
            assertTrue(observe.waitFor(30, TimeUnit.SECONDS), "observe ends after SIG" + signal);
            assertEquals(status, observe.exitValue(), "exit status after SIG" + signal + "\n" + err);
            assertEquals(List.of(), ObservedProcesses.running(), "server processes after SIG" + signal);
            assertEquals(List.of(), listing(tmp), "temporary folders after SIG" + signal);
            assertEquals(List.of("tmp"), listing(root), "nothing written next to --out");
        } finally {
            observe.destroyForcibly();
            observe.waitFor(10, TimeUnit.SECONDS);
            ObservedProcesses.killAll();
            deleteTree(root);
        }
    }

    /**
     * The test JVM's own class path holds Main and every dependency. {@code env --default-signal=INT}
     * undoes an ignored SIGINT inherited from a non-interactive shell (a background build), which the
     * child JVM would otherwise keep ignoring, as a shell's background job does.
     */
    private static Process cowfleet(Path tmp, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true", "-Djava.io.tmpdir=" + tmp,
                Main.class.getName()));
        command.addAll(args.stream().filter(a -> !a.equals("--quiet")).toList());
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Reads observe's progress until the load has started, which it says once the server answers. */
    private static void awaitLoad(Process observe, StringBuilder err) throws Exception {
        BufferedReader lines = new BufferedReader(new InputStreamReader(observe.getErrorStream(), StandardCharsets.UTF_8));
        Thread reader = new Thread(() -> {
            try {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    synchronized (err) {
                        err.append(line).append('\n');
                        err.notifyAll();
                    }
                }
            } catch (IOException e) {
                // the child ended
            }
        }, "observe-stderr");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.currentTimeMillis() + READY_TIMEOUT_MS;
        synchronized (err) {
            while (!err.toString().contains(" load at ")) {
                long left = deadline - System.currentTimeMillis();
                assertTrue(left > 0 && observe.isAlive(), "observe did not start its load\n" + err);
                err.wait(Math.min(left, 500));
            }
        }
        // A second of load in flight, so the signal meets open connections and a busy sampler.
        Thread.sleep(1_000);
    }

    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, kill.exitValue());
    }

    private static List<String> listing(Path folder) throws IOException {
        try (var entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
