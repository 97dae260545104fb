package dev.cowfleet.sim.calibrate;

import dev.cowfleet.sim.report.OutputFolder;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a calibration into a folder, all or nothing:
 * <ul>
 *   <li>{@code scenario.yaml}: a scenario {@code cowfleet compare} runs as is, every measured key commented
 *       with how it was measured;</li>
 *   <li>{@code heap.yaml}: the scenario heap section of the measured master (the same as scenario.yaml's);</li>
 *   <li>{@code calibration.json}: the list of cells (binding format), each with an {@code inputs} object
 *       naming, per scenario key, the measurement the prediction took it from, and each missed cell with
 *       an {@code explanation} object (its gap by mechanism);</li>
 *   <li>{@code calibration.txt}: the same as a table;</li>
 *   <li>{@code calibration.png}: measured vs predicted bars;</li>
 *   <li>{@code probe.json}: everything the probe measured, for a closer look.</li>
 * </ul>
 */
public final class CalibrationWriter {
    public static final String CELLS_FILE = "calibration.json";
    public static final String SCENARIO_FILE = "scenario.yaml";

    private CalibrationWriter() {
    }

    /** Fails now if {@link #write} would refuse {@code outDir} (see {@link OutputFolder#checkReplaceable}). */
    public static void checkTarget(Path outDir) throws IOException {
        new OutputFolder(outDir, "calibrate", CELLS_FILE).checkReplaceable();
    }

    public static void write(CalibrationReport report, Path outDir) throws IOException {
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        new OutputFolder(outDir, "calibrate", CELLS_FILE).write(folder -> {
            String scenario = report.scenarioYaml();
            Files.writeString(folder.resolve(SCENARIO_FILE), scenario, StandardCharsets.UTF_8);
            Files.writeString(folder.resolve("heap.yaml"), report.heapYaml() + heapSection(scenario), StandardCharsets.UTF_8);
            Files.writeString(folder.resolve("calibration.txt"), CalibrationTable.render(report), StandardCharsets.UTF_8);
            Files.write(folder.resolve("calibration.png"), CalibrationChart.png(report));
            Files.writeString(folder.resolve("probe.json"), json.writeValueAsString(report.probe()),
                    StandardCharsets.UTF_8);
            Files.writeString(folder.resolve(CELLS_FILE), json.writeValueAsString(cells(report, json)),
                    StandardCharsets.UTF_8);
        });
    }

    /** The {@code heap:} section of the scenario, to paste into another scenario. */
    static String heapSection(String scenario) {
        int start = scenario.indexOf("\nheap:\n") + 1;
        if (start == 0) {
            return "";
        }
        int end = scenario.indexOf("\n\n", start);
        return scenario.substring(start, end + 1);
    }

    /**
     * Cells as JSON, still a list (binding); each gets an {@code inputs} object (scenario key -> how it
     * was measured) and only a missed cell an {@code explanation}; the binding keys stay as they are.
     */
    static ArrayNode cells(CalibrationReport report, JsonMapper json) {
        ArrayNode cells = json.createArrayNode();
        ObjectNode inputs = json.valueToTree(new java.util.TreeMap<>(report.inputs()));
        for (CalibrationCell cell : report.cells()) {
            ObjectNode node = json.valueToTree(cell);
            node.set("inputs", inputs);
            report.explanation(cell).ifPresent(e -> node.set("explanation", json.valueToTree(e)));
            cells.add(node);
        }
        return cells;
    }
}
