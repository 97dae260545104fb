package dev.cowfleet.sim.scenario;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads a scenario file, applies {@code --set} overrides, validates everything and returns the resolved
 * {@link Scenario}. Every problem is a {@link ScenarioException} with one line naming the file and line (or
 * the flag), the key and the expected form.
 */
public final class ScenarioLoader {

    private ScenarioLoader() {
    }

    /**
     * @param file a scenario YAML file
     * @param sets {@code key.path=value} overrides, applied in order
     */
    public static Scenario load(Path file, List<String> sets) {
        return parse(ScenarioFile.read(file), file.toString(), defaultName(file), sets);
    }

    /**
     * Loads scenario text that did not come from a file of its own.
     *
     * @param source      what errors and origins call the text, e.g. a file name
     * @param defaultName the scenario name when the text has no {@code name} key
     */
    public static Scenario parse(String yaml, String source, String defaultName, List<String> sets) {
        YamlTreeReader reader = new YamlTreeReader();
        Where file = Where.ofFile(source);
        Node root = reader.read(yaml, file, line -> Where.inFile(source, line));
        if (root instanceof Node.Scalar scalar && scalar.isNull()) {
            throw ScenarioException.at(file, "the scenario is empty; it needs at least question, python, "
                    + "processManager, host, heap, workload, policies and baseline (see scenarios/README.md)");
        }
        if (!(root instanceof Node.Mapping map)) {
            throw ScenarioException.at(root.where(), "expected a map of scenario keys (question:, python:, ...), got "
                    + root.describe());
        }
        Overrides.apply(map, sets, reader);
        return Scenario.read(map, file, defaultName);
    }

    /** "instagram-2017" for "scenarios/instagram-2017.yaml". */
    static String defaultName(Path file) {
        String fileName = file.getFileName().toString();
        return fileName.replaceFirst("\\.(yaml|yml)$", "");
    }
}
