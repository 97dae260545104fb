package dev.cowfleet.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a scenario path may be before any YAML is parsed: a regular, small, UTF-8 file. */
class ScenarioFileTest {
    @TempDir
    Path tmp;

    @Test
    void aDirectoryIsRefused() {
        assertEquals(tmp + ": not a regular file (a directory); expected a scenario YAML file", errorOf(tmp));
    }

    @Test
    void anEndlessDeviceIsRefusedWithoutReadingIt() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "a Unix device");
        assertEquals("/dev/zero: not a regular file (a device, pipe or socket); expected a scenario YAML file",
                assertTimeoutPreemptively(Duration.ofSeconds(10), () -> errorOf(zero)));
    }

    /** Opening a FIFO for reading blocks until a writer comes; the check must not open it. */
    @Test
    void aPipeIsRefusedWithoutBlocking() throws IOException, InterruptedException {
        Path fifo = tmp.resolve("scenario.yaml");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException noMkfifo) {
            assumeTrue(false, "mkfifo is not installed");
            return;
        }
        assumeTrue(mkfifo.waitFor() == 0 && Files.exists(fifo), "mkfifo made the pipe");
        assertEquals(fifo + ": not a regular file (a device, pipe or socket); expected a scenario YAML file",
                assertTimeoutPreemptively(Duration.ofSeconds(10), () -> errorOf(fifo)));
    }

    @Test
    void aFileOverTheCapIsRefusedBeforeParsing() throws IOException {
        Path big = tmp.resolve("big.yaml");
        byte[] comment = ("#" + "x".repeat(1022) + "\n").repeat(1024).getBytes(StandardCharsets.US_ASCII);
        Files.write(big, comment); // exactly 1 MiB of comments: allowed through the cap, then empty
        assertEquals(big + ": the scenario is empty; it needs at least question, python, processManager, host, "
                + "heap, workload, policies and baseline (see scenarios/README.md)", errorOf(big));
        Files.write(big, new byte[] {'#'}, java.nio.file.StandardOpenOption.APPEND);
        assertEquals(big + ": the scenario file is larger than 1 MiB (1048577 bytes or more); scenarios are a few "
                + "KiB of YAML", errorOf(big));
    }

    @Test
    void aBadByteIsReportedWithItsLine() throws IOException {
        Path latin1 = tmp.resolve("latin1.yaml");
        Files.write(latin1, "name: x\nquestion: \"Caf\u00e9?\"\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(latin1 + ":2: not UTF-8 text (byte 0xE9 at column 15); save the scenario file as UTF-8",
                errorOf(latin1));
    }

    @Test
    void aByteOrderMarkIsNotContent() throws IOException {
        Path withBom = tmp.resolve("bom.yaml");
        byte[] scenario = Files.readAllBytes(Fixtures.MINIMAL);
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] both = new byte[bom.length + scenario.length];
        System.arraycopy(bom, 0, both, 0, bom.length);
        System.arraycopy(scenario, 0, both, bom.length, scenario.length);
        Files.write(withBom, both);
        assertEquals(ScenarioLoader.load(Fixtures.MINIMAL, List.of()).policies(),
                ScenarioLoader.load(withBom, List.of()).policies());
    }

    private static String errorOf(Path file) {
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file, List.of())).getMessage();
    }
}
