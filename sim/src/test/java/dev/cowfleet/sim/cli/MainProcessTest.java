package dev.cowfleet.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cowfleet} as a real process, the way a user's shell or script sees it: what {@link Main#main}
 * prints before {@code System.exit}, and the exit status. Catches output lost in an unflushed writer,
 * which in-process tests through {@link Main#execute} cannot see.
 */
class MainProcessTest {
    @TempDir
    Path tmp;

    @Test
    void compareTablesReachStdout() throws IOException, InterruptedException {
        Process process = cowfleet("compare", "src/test/resources/cli/small.yaml", "--replications", "1",
                "--set", "duration=2m");
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "finishes");
        assertEquals(0, process.exitValue(), () -> stderr(process));
        assertTrue(out.contains("default (baseline)") && out.contains("threshold0"), () -> "stdout: '" + out + "'");
    }

    @Test
    void badInputExitsTwoWithOneLine() throws IOException, InterruptedException {
        Process process = cowfleet("run", "src/test/resources/cli/small.yaml", "--threads", "-1",
                "--out", tmp.resolve("out").toString());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "finishes");
        assertEquals(2, process.exitValue());
        assertEquals(List.of("cowfleet: --threads must be at least 1 (or 0 for all cores), got -1"),
                stderr(process).lines().toList());
        assertTrue(Files.notExists(tmp.resolve("out")));
    }

    /** The test JVM's own class path holds Main and every dependency. */
    private static Process cowfleet(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true", Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    private static String stderr(Process process) {
        try {
            return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
