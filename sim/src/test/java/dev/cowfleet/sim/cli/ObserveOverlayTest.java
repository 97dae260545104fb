package dev.cowfleet.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measured against simulated on the Flask fixture app, with the scenario {@code calibrate --app} wrote
 * for it (a test resource; its header says how it was made), and {@code --attach} on a running server.
 */
@ExtendWith(ObservedProcesses.NothingLeftRunning.class)
class ObserveOverlayTest {
    private static final Path SCENARIO = Path.of("src/test/resources/dev/cowfleet/sim/observe/flaskshop-scenario.yaml");

    @TempDir
    Path out;

    @ParameterizedTest
    @ValueSource(strings = {"gunicorn", "uwsgi"})
    void simulatedMeanWorkerPrivateIsWithin15PercentOfMeasured(String server) throws IOException {
        List<String> args = ObserveServersTest.observe(server, ObserveServersTest.FLASK, "flaskshop", "default", out,
                "--scenario", SCENARIO.toString());
        JsonNode json = ObserveServersTest.run(args, out);
        double error = json.get("relativeError").get("workerPrivateMiB").get("mean").asDouble();
        assertTrue(Math.abs(error) <= 0.15, "relative error of mean worker private: " + error + "\n" + json);
        // The probe's warm-up rate is well above calibrate's steady 30 objects a request (about 70 over 70 requests).
        assertTrue(json.get("probedTrackedSurvivorsPerRequest").asDouble() > 30, json::toString);
        assertTrue(json.get("simulated").get("exitCopiedMiB").asDouble() > 5, "the simulated final stop's teardown copies\n" + json);
        String report = Files.readString(out.resolve("report.html"));
        assertTrue(report.contains("simulated") && report.contains("relative error"));
        assertTrue(Files.size(out.resolve("observed-worker-memory.png")) > 10_000);
        assertTrue(Files.readString(out.resolve("observed-worker-memory.svg")).contains("private, simulated"));
    }

    @Test
    void attachSeesEveryWorkerOfARunningGunicorn() throws Exception {
        Path log = out.resolve("gunicorn.log");
        // Named like observe's own folders, so the leftover check also covers this server.
        Path marker = Files.createDirectories(out.resolve("cowfleet-observe-attach"));
        Process master = new ProcessBuilder("/usr/bin/python3", "-m", "gunicorn", "--workers", "4", "--bind", "127.0.0.1:0",
                "--chdir", marker.toString(), "--pythonpath", ObserveServersTest.FLASK.toAbsolutePath().toString(),
                "--preload", "flaskshop.wsgi:application").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Set<Long> workers = awaitWorkers(master, 4);
            Path target = out.resolve("attached");
            CliRun run = CliRun.of("observe", "--attach", Long.toString(master.pid()), "--duration", "3s", "--out",
                    target.toString(), "--quiet");
            assertEquals(0, run.status(), run::toString);
            Set<Long> sampled = new TreeSet<>();
            for (String line : Files.readAllLines(target.resolve("observed.csv"))) {
                String[] f = line.split(",");
                if (f[2].equals("worker")) {
                    sampled.add(Long.parseLong(f[1]));
                }
            }
            assertEquals(workers, sampled);
            assertEquals(4, ObserveServersTest.JSON.readTree(Files.readString(target.resolve("observe.json"))).get("workers").asInt());
        } finally {
            stopWithWorkers(master);
        }
    }

    /**
     * Gunicorn's master respawns a worker that dies, so killing the workers first can leave a fresh one
     * orphaned, and killing the master first leaves the workers out of reach: pause the master, then
     * kill its workers and it.
     */
    private static void stopWithWorkers(Process master) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-STOP", Long.toString(master.pid())).start().waitFor(5, TimeUnit.SECONDS);
        List<ProcessHandle> workers = master.descendants().toList();
        workers.forEach(ProcessHandle::destroyForcibly);
        master.destroyForcibly();
        master.waitFor(10, TimeUnit.SECONDS);
        for (ProcessHandle worker : workers) {
            worker.onExit().completeOnTimeout(worker, 10, TimeUnit.SECONDS).join();
        }
    }

    @Test
    void attachRefusesAProcessWithoutWorkers() throws Exception {
        Process lonely = new ProcessBuilder("sleep", "30").start();
        try {
            CliRun run = CliRun.of("observe", "--attach", Long.toString(lonely.pid()), "--duration", "2s",
                    "--out", out.resolve("x").toString());
            assertEquals(2, run.status(), run::toString);
            assertEquals("cowfleet: --attach " + lonely.pid() + ": not a master with workers (the process has no child processes)",
                    run.err().strip());
        } finally {
            lonely.destroyForcibly();
            lonely.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static Set<Long> awaitWorkers(Process master, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            List<Long> children = new ArrayList<>(master.children().map(ProcessHandle::pid).toList());
            if (children.size() == count) {
                Thread.sleep(500);
                return new TreeSet<>(children);
            }
            assertTrue(master.isAlive(), "gunicorn did not start");
            Thread.sleep(100);
        }
        throw new AssertionError("gunicorn did not fork " + count + " workers in 60 s");
    }
}
