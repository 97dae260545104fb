package dev.cowfleet.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command that reads a scenario words a bad scenario path the same way, with the line where it has one. */
class ScenarioPathTest {
    private static final List<String> COMMANDS = List.of("run", "compare", "validate", "plan", "sweep");

    @TempDir
    Path tmp;

    @Test
    void notUtf8IsTheSameLineForEveryCommand() throws IOException {
        Path file = tmp.resolve("cp1252.yaml");
        // A comment with Windows-1252 curly quotes: 0x93 and 0x94 start no UTF-8 sequence.
        byte[] text = "name: x\n# _quoted_\n".getBytes(StandardCharsets.US_ASCII);
        text[10] = (byte) 0x93;
        text[17] = (byte) 0x94;
        Files.write(file, text);
        assertSameLine(file, "cowfleet: " + file + ":2: not UTF-8 text (byte 0x93 at column 3); save the scenario "
                + "file as UTF-8");
    }

    @Test
    void aDirectoryIsTheSameLineForEveryCommand() {
        assertSameLine(tmp, "cowfleet: " + tmp + ": not a regular file (a directory); expected a scenario YAML file");
    }

    private void assertSameLine(Path scenario, String expected) {
        for (String command : COMMANDS) {
            List<String> args = new ArrayList<>(List.of(command, scenario.toString()));
            if (command.equals("sweep")) {
                args.addAll(List.of("--vary", "seed=1,2"));
            }
            CliRun run = CliRun.of(args);
            assertEquals(2, run.status(), run::toString);
            assertEquals(List.of(expected), run.err().lines().toList(), command);
            assertEquals("", run.out(), run::toString);
        }
    }
}
