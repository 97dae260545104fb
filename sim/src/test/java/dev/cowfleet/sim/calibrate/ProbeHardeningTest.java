package dev.cowfleet.sim.calibrate;

import dev.cowfleet.sim.app.RequestMix;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The probe against apps that misbehave at import: printing, forking a long-lived child, a non-daemon
 * thread, raising, and failing requests. One worker, a handful of requests, one policy each.
 */
class ProbeHardeningTest {
    private static final Path APPS = Path.of("src/test/apps/hostile");
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @BeforeAll
    static void needsPython() {
        Assumptions.assumeTrue(Files.isExecutable(PYTHON) && Interpreters.linuxProc(), "no /usr/bin/python3 with /proc");
    }

    private static CalibrationOptions options(String app, String mix) {
        return CalibrationOptions.defaults(PYTHON).withWorkers(1).withRequests(3).withPolicies(List.of("default-exit"))
                .withApp(app, RequestMix.read(APPS.resolve(mix))).withAppFolder(APPS).withTimeout(Duration.ofSeconds(120));
    }

    private static long leftovers(String marker) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains(marker)).orElse(false))
                .count();
    }

    @Test
    void anAppThatPrintsForksAndKeepsAThreadIsMeasuredAndLeavesNothingRunning() {
        long started = System.nanoTime();
        ProbeReport report = new ProbeRunner(line -> { }).run(options("hostileapp", "mix.txt"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertEquals("hostileapp", report.app());
        assertEquals(3, report.experimentServed().served(), "3 requests served by the one worker");
        assertTrue(took.compareTo(Duration.ofSeconds(100)) < 0, "stopped after the grace, not at the timeout: " + took);
        assertEquals(0, leftovers("--app hostileapp"), "the app's forked child and the master are gone");
    }

    @Test
    void anImportErrorNamesTheFileLineAndExceptionOnce() {
        CalibrationException e = assertThrows(CalibrationException.class,
                () -> new ProbeRunner(line -> { }).run(options("brokenapp", "mix.txt")));
        String message = e.getMessage();
        assertTrue(message.startsWith("--app brokenapp: the module failed to import"), message);
        assertTrue(message.contains("ValueError: DATABASE_URL is not set"), message);
        assertTrue(message.contains("brokenapp.py:5 in _load_settings"), message);
        assertEquals(message.indexOf("ValueError"), message.lastIndexOf("ValueError"), message);
    }

    @Test
    void failingRequestsStopTheCalibrationNamingTheFirst() {
        CalibrationException e = assertThrows(CalibrationException.class,
                () -> new ProbeRunner(line -> { }).run(options("failingapp", "failing-mix.txt")));
        assertTrue(e.getMessage().contains("raised or answered 5xx; the first: GET /fail (line 2): "
                + "RuntimeError: no such order (at "), e.getMessage());
        assertTrue(e.getMessage().contains("failingapp.py:6 in application"), e.getMessage());
    }

    @Test
    void aProgramThatIsNotPythonIsSaidToBeSo() {
        Path notPython = Path.of("/bin/true");
        Assumptions.assumeTrue(Files.isExecutable(notPython));
        CalibrationException e = assertThrows(CalibrationException.class,
                () -> new ProbeRunner(line -> { }).run(CalibrationOptions.defaults(notPython)));
        assertTrue(e.getMessage().startsWith("--python /bin/true: not a Python interpreter"), e.getMessage());
    }
}
