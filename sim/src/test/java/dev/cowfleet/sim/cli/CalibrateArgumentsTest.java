package dev.cowfleet.sim.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** calibrate's arguments: each mistake is exit 2 with one line, before any probe runs. */
class CalibrateArgumentsTest {

    private static void refused(String expected, String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(ExitCodes.BAD_INPUT, run.status(), run.toString());
        assertTrue(run.err().contains(expected), run.toString());
        assertEquals(1, run.err().strip().lines().count(), run.toString());
        assertFalse(run.err().contains("internal error"), run.toString());
    }

    @Test
    void gunicornFormInPreloadPointsToApp() {
        refused("--preload 'myapp.wsgi:application': expected a dotted module name like myapp.wsgi (for MODULE:CALLABLE",
                "calibrate", "--python", "/usr/bin/python3", "--preload", "myapp.wsgi:application");
        refused("--preload '../x': expected a dotted module name", "calibrate", "--python", "/usr/bin/python3",
                "--preload", "../x");
    }

    @Test
    void requestsIsTheRequestFileNowAndAppNeedsIt() {
        refused("--requests 200: expected a request file", "calibrate", "--python", "/usr/bin/python3",
                "--app", "myapp.wsgi", "--requests", "200");
        refused("--app needs --requests FILE", "calibrate", "--python", "/usr/bin/python3", "--app", "myapp.wsgi");
        refused("--app 'my app': expected MODULE[:CALLABLE]", "calibrate", "--python", "/usr/bin/python3",
                "--app", "my app", "--requests", "src/test/apps/djangoshop/mix.txt");
        refused("nope.txt: no such request file", "calibrate", "--python", "/usr/bin/python3", "--app", "x.wsgi",
                "--requests", "nope.txt");
    }

    @Test
    void interpretersAreLookedUpAndChecked() {
        refused("--python no-such-python-anywhere: not found on PATH", "calibrate", "--python", "no-such-python-anywhere");
        refused("--python /bin/true: not a Python interpreter", "calibrate", "--python", "/bin/true");
    }

    @Test
    void helpShowsTheDefaults() {
        CliRun help = CliRun.of("calibrate", "--help");
        assertEquals(0, help.status(), help.toString());
        assertTrue(help.out().contains("Default: 300") && help.out().contains("Default: 200")
                && help.out().contains("Default: output/calibration"), help.out());
    }
}
