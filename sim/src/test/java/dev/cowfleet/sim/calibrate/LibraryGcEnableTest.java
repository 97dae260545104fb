package dev.cowfleet.sim.calibrate;

import dev.cowfleet.models.runtime.GcMode;
import dev.cowfleet.sim.app.RequestMix;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An app whose requests call {@code gc.enable()} from the fourth on: calibrate measures it in the
 * hot-set measurement worker, writes {@code libraryEnablesGcAfter: 4} on the {@code gc: disable}
 * policy only, names the measurement, and predicts that policy with the library's call.
 */
class LibraryGcEnableTest {
    private static final Path APPS = Path.of("src/test/apps/hostile");
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @Test
    void aLibrarysGcEnableBecomesThePolicyKeyOfTheDisabledPolicies() {
        Assumptions.assumeTrue(Files.isExecutable(PYTHON) && Interpreters.linuxProc(), "no /usr/bin/python3 with /proc");
        CalibrationOptions options = CalibrationOptions.defaults(PYTHON).withWorkers(1).withRequests(6)
                .withPolicies(List.of("default", "disable", "threshold0"))
                .withApp("gcenablingapp", RequestMix.read(APPS.resolve("mix.txt"))).withAppFolder(APPS)
                .withTimeout(Duration.ofSeconds(120));
        CalibrationReport report = Calibration.compare(new ProbeRunner(line -> { }).run(options));

        assertEquals(4, report.probe().request().gcFirstReenabledAfter(), "first re-enabled at the end of request 4");
        assertEquals(3, report.probe().request().gcReenabledRequests(), "requests 4, 5 and 6 re-enabled it");
        String yaml = report.scenarioYaml();
        assertTrue(yaml.contains("  disable: {gc: disable, libraryEnablesGcAfter: 4}"), yaml);
        assertTrue(yaml.contains("  threshold0: {gc: threshold0}\n"), "threshold0 keeps collection off: " + yaml);
        assertTrue(yaml.contains("  default: {}\n"), yaml);
        assertTrue(report.inputs().get("policies.libraryEnablesGcAfter").startsWith("the first request at whose end "
                + "gc.isenabled() was true"), report.inputs().toString());
        ModelSetup setup = new ModelSetup(report.probe());
        assertEquals(4, setup.libraryEnablesGcAfter(GcMode.DISABLED));
        assertEquals(0, setup.libraryEnablesGcAfter(GcMode.THRESHOLD0));
    }

    @Test
    void anAppThatLeavesTheCollectorAloneWritesNoKey() {
        Assumptions.assumeTrue(Files.isExecutable(PYTHON) && Interpreters.linuxProc(), "no /usr/bin/python3 with /proc");
        CalibrationOptions options = CalibrationOptions.defaults(PYTHON).withWorkers(1).withRequests(3)
                .withPolicies(List.of("disable")).withApp("failingapp", RequestMix.read(APPS.resolve("mix.txt")))
                .withAppFolder(APPS).withTimeout(Duration.ofSeconds(120));
        CalibrationReport report = Calibration.compare(new ProbeRunner(line -> { }).run(options));
        assertEquals(null, report.probe().request().gcFirstReenabledAfter());
        assertFalse(report.scenarioYaml().contains("libraryEnablesGcAfter"), report.scenarioYaml());
    }
}
