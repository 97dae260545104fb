package dev.cowfleet.sim.cli;

import dev.cowfleet.sim.scenario.ScenarioSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cowfleet schema}: the JSON Schema of scenario files, for editors (VS Code's YAML extension). */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Prints the JSON Schema (2020-12) of scenario files; --out writes it to a file "
                + "(regenerate the shipped one with: cowfleet schema --out " + ScenarioSchema.SHIPPED_FILE + ").")
final class SchemaCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "FILE", description = "Writes the schema to FILE instead of printing it.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String schema = ScenarioSchema.json();
        if (out == null) {
            spec.commandLine().getOut().print(schema);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
        try {
            Files.writeString(out, schema, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(out + ": cannot write the schema (" + e.getMessage() + ")");
        }
        spec.commandLine().getOut().println("wrote " + out);
        return ExitCodes.OK;
    }
}
