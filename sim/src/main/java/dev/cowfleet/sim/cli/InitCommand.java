package dev.cowfleet.sim.cli;

import dev.cowfleet.sim.scenario.ScenarioException;
import dev.cowfleet.sim.scenario.ScenarioSchema;
import dev.cowfleet.sim.scenario.StarterScenario;
import dev.cowfleet.sim.scenario.Units;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code cowfleet init NAME}: writes NAME.yaml, a commented starter scenario that validates and runs, and
 * the editor schema beside it when none is there. Never overwrites a file.
 */
@Command(name = "init", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Writes NAME.yaml, a commented starter scenario with every required key.")
final class InitCommand implements Callable<Integer> {

    enum Server { gunicorn, uwsgi }

    private static final String SCHEMA_FILE = Path.of(ScenarioSchema.SHIPPED_FILE).getFileName().toString();

    @Parameters(paramLabel = "NAME", description = "Scenario name; the file is NAME.yaml (a path ending in .yaml "
            + "is used as given).")
    String name;

    @Option(names = "--python", paramLabel = "VERSION", defaultValue = "3.12", description = "CPython version.")
    String python;

    @Option(names = "--server", paramLabel = "gunicorn|uwsgi", defaultValue = "gunicorn",
            description = "Prefork server.")
    Server server;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "8", description = "Workers per host.")
    String workers;

    @Option(names = "--ram", paramLabel = "SIZE", defaultValue = "16GiB", description = "RAM per host.")
    String ram;

    @Option(names = "--cores", paramLabel = "N", defaultValue = "8", description = "CPU cores per host.")
    String cores;

    @Option(names = "--requests-per-second", paramLabel = "RATE", defaultValue = "100/s",
            description = "Requests per second per host, like 100/s (a bare number means per second).")
    String requestsPerSecond;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path file = name.endsWith(".yaml") ? Path.of(name) : Path.of(name + ".yaml");
        String scenarioName = file.getFileName().toString().replaceFirst("\\.yaml$", "");
        check("--workers", workers, Units::count);
        check("--ram", ram, Units::size);
        check("--cores", cores, Units::count);
        String rate = requestsPerSecond.trim().matches("\\d+(\\.\\d+)?") ? requestsPerSecond.trim() + "/s"
                : requestsPerSecond.trim();
        check("--requests-per-second", rate, Units::rate);
        String text;
        try {
            text = StarterScenario.text(new StarterScenario.Choices(scenarioName, python, server.name(),
                    workers.trim(), ram.trim(), cores.trim(), rate), "./" + SCHEMA_FILE);
        } catch (ScenarioException e) {
            throw new BadInputException("init: these choices do not make a valid scenario: " + e.getMessage());
        }
        write(file, text);
        PrintWriter out = spec.commandLine().getOut();
        out.println("wrote " + file);
        Path schema = file.toAbsolutePath().getParent().resolve(SCHEMA_FILE);
        if (!Files.exists(schema)) {
            write(schema, ScenarioSchema.json());
            Path shown = file.getParent() == null ? Path.of(SCHEMA_FILE) : file.getParent().resolve(SCHEMA_FILE);
            out.println("wrote " + shown + " (the schema editors check the scenario against)");
        }
        out.println("next: cowfleet validate --explain " + file + ", then cowfleet compare " + file);
        return ExitCodes.OK;
    }

    private static void check(String flag, String value, Consumer<String> parse) {
        try {
            parse.accept(value);
        } catch (ScenarioException e) {
            throw new BadInputException(flag + ": " + e.getMessage());
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new BadInputException(file + ": already exists; init never overwrites a file (choose another NAME)");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot write (" + e.getMessage() + ")");
        }
    }
}
