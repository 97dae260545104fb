package dev.cowfleet.sim.report;

import java.nio.file.Path;
import tools.jackson.databind.node.ObjectNode;

/** run-info.json: how and where a run was executed; the things summary.json must not contain. */
public final class RunInfoJson {
    public static final String FILE_NAME = "run-info.json";

    private RunInfoJson() {
    }

    /** @param outputFolder the final output folder (not the temporary one the files are written in) */
    public static String render(RunInfo info, Path outputFolder) {
        ObjectNode root = JsonOutput.object();
        root.put("version", info.version());
        root.put("engine", info.engine());
        root.put("threads", info.threads());
        JsonOutput.number(root, "wallSeconds", info.wallSeconds());
        root.put("output", outputFolder.toAbsolutePath().normalize().toString());
        return JsonOutput.text(root);
    }
}
