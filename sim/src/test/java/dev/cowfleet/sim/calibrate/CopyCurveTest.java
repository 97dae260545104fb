package dev.cowfleet.sim.calibrate;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The copy curve counts copied heap pages only: a worker that maps 256 pages of a file the master
 * mapped too (library code it runs for the first time) copies nothing, and must not move the count;
 * writing 256 inherited heap buffers must drop it by about 256.
 */
class CopyCurveTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path PROBE = Path.of("src/main/resources/dev/cowfleet/sim/calibrate");
    private static final Path SCRIPT = Path.of("src/test/resources/dev/cowfleet/sim/calibrate/file_pages_are_not_copies.py");

    @Test
    void fileBackedPagesAWorkerMapsAreNotCopiedHeapPages() throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(PYTHON) && Interpreters.linuxProc(), "needs /usr/bin/python3 and /proc");
        ProcessBuilder builder = new ProcessBuilder(PYTHON.toString(), SCRIPT.toString()).redirectErrorStream(true);
        builder.environment().put("PYTHONPATH", PROBE.toAbsolutePath().toString());
        Process python = builder.start();
        assertTrue(python.waitFor(60, TimeUnit.SECONDS), "script did not finish");
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, python.exitValue(), out);
        String[] figures = out.split(" ");
        long fileShift = Long.parseLong(figures[0]);
        long heapDrop = Long.parseLong(figures[1]);
        assertTrue(Math.abs(fileShift) < 32, "mapping 256 file pages moved the shared heap pages by " + fileShift);
        assertTrue(heapDrop >= 224 && heapDrop <= 288, "writing 256 inherited heap pages dropped them by " + heapDrop);
    }
}
