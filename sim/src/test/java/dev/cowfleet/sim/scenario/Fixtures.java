package dev.cowfleet.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;

/** Paths of the test scenarios; Maven runs tests in the module directory. */
final class Fixtures {

    static final Path DIR = Path.of("src", "test", "resources", "scenarios");
    static final Path MINIMAL = DIR.resolve("minimal.yaml");
    static final Path COMPOSITION = DIR.resolve("composition.yaml");

    private Fixtures() {
    }

    static Scenario minimal(String... sets) {
        return ScenarioLoader.load(MINIMAL, List.of(sets));
    }

    /** The message of the error that loading {@code file} with {@code sets} must raise. */
    static String errorOf(Path file, String... sets) {
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file, List.of(sets))).getMessage();
    }
}
