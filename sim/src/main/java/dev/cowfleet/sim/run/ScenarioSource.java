package dev.cowfleet.sim.run;

import dev.cowfleet.sim.scenario.Scenario;
import dev.cowfleet.sim.scenario.ScenarioException;
import dev.cowfleet.sim.scenario.ScenarioFile;
import dev.cowfleet.sim.scenario.ScenarioLoader;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A scenario as text plus its command-line overrides: what a task carries to wherever it runs (a
 * thread or a cluster executor), where it is parsed again, so no live model object crosses a
 * process boundary.
 */
public record ScenarioSource(String yaml, String sourceName, String defaultName, List<String> sets)
        implements Serializable {

    public ScenarioSource {
        sets = List.copyOf(sets);
    }

    /** Reads a scenario file; a missing or unreadable file is a {@link ScenarioException}. */
    public static ScenarioSource read(Path file, List<String> sets) {
        String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return new ScenarioSource(ScenarioFile.read(file), file.toString(), name, sets);
    }

    public Scenario load() {
        return ScenarioLoader.parse(yaml, sourceName, defaultName, sets);
    }

    /** The same scenario with more overrides appended (later ones win). */
    public ScenarioSource with(List<String> moreSets) {
        List<String> all = new ArrayList<>(sets);
        all.addAll(moreSets);
        return new ScenarioSource(yaml, sourceName, defaultName, all);
    }
}
