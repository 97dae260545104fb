package dev.cowfleet.sim.calibrate;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProbeRunnerTest {

    @Test
    void missingInterpreterIsAClearError() {
        CalibrationException e = assertThrows(CalibrationException.class, () ->
                new ProbeRunner(line -> { }).run(CalibrationOptions.defaults(Path.of("/no/such/python"))));
        assertTrue(e.getMessage().startsWith("--python /no/such/python: no executable interpreter"), e.getMessage());
    }

    @Test
    void moduleThatFailsToImportIsAClearError() {
        List<Path> found = Interpreters.found();
        Assumptions.assumeFalse(found.isEmpty(), "no CPython under " + Interpreters.PYENV_VERSIONS);
        CalibrationOptions options = CalibrationOptions.defaults(found.get(found.size() - 1))
                .withPreload("cowfleet_no_such_module");
        CalibrationException e = assertThrows(CalibrationException.class,
                () -> new ProbeRunner(line -> { }).run(options));
        assertTrue(e.getMessage().startsWith("--preload cowfleet_no_such_module: the module failed to import"),
                e.getMessage());
        assertTrue(e.getMessage().contains("ModuleNotFoundError"), e.getMessage());
    }

    @Test
    void badModuleNameIsRejectedBeforeRunning() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CalibrationOptions.defaults(Path.of("python")).withPreload("my app; rm"));
        assertTrue(e.getMessage().contains("expected a dotted module name"), e.getMessage());
    }
}
