package dev.cowfleet.sim.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The "done means" on both fixture apps, kept short for CI (one worker, 30 requests, two
 * policies): {@code calibrate --app --requests} exits 0, every cell is within 15%, each cell names its
 * inputs, and {@code compare} runs the written scenario.yaml unedited.
 */
class CalibrateAppEndToEndTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path out;

    @TestFactory
    Stream<DynamicTest> fixtureAppsCalibrateAndCompare() {
        Assumptions.assumeTrue(Files.isExecutable(PYTHON) && Files.exists(Path.of("/proc/self/smaps_rollup")),
                "needs /usr/bin/python3 and /proc");
        return Stream.of("djangoshop", "flaskshop").map(app -> DynamicTest.dynamicTest(app, () -> check(app)));
    }

    private void check(String app) throws IOException {
        Path folder = Path.of("src/test/apps", app);
        Assumptions.assumeTrue(imports(app.equals("djangoshop") ? "django, rest_framework" : "flask, flask_sqlalchemy"),
                app + ": Debian's Python packages are not installed (.ci/run installs them)");
        Path target = out.resolve(app);
        CliRun calibrate = CliRun.of("calibrate", "--python", PYTHON.toString(), "--app", app + ".wsgi:application",
                "--requests", folder.resolve("mix.txt").toString(), "--chdir", folder.toString(), "--workers", "1",
                "--requests-per-worker", "30", "--policies", "default,freeze", "--out", target.toString(), "--quiet");
        assertEquals(0, calibrate.status(), calibrate.toString());
        JsonNode cells = JsonMapper.builder().build().readTree(target.resolve("calibration.json").toFile());
        assertTrue(cells.isArray() && cells.size() == 6, cells.toString());
        List<String> misses = new ArrayList<>();
        for (JsonNode cell : cells) {
            assertTrue(cell.get("inputs").has("heap.hotObjects"), cell.toString());
            if (Math.abs(cell.get("relativeError").asDouble()) > 0.15) {
                misses.add(cell.get("policy").asString() + "/" + cell.get("phase").asString() + " "
                        + Math.round(100 * cell.get("relativeError").asDouble()) + "%");
            }
        }
        assertTrue(misses.isEmpty(), app + " cells beyond 15%: " + misses + "\n"
                + Files.readString(target.resolve("calibration.txt")));
        CliRun compare = CliRun.of("compare", target.resolve("scenario.yaml").toString(), "--replications", "1");
        assertEquals(0, compare.status(), compare.toString());
    }

    private static boolean imports(String modules) {
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import " + modules).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
