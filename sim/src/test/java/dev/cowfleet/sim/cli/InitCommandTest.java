package dev.cowfleet.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.cowfleet.sim.scenario.ScenarioSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cowfleet init} writes a starter that passes the schema, validates, runs with compare, and is never overwritten. */
class InitCommandTest {

    @TempDir
    Path dir;

    @Test
    void starterValidatesAgainstSchemaAndLoaderAndRunsWithCompare() throws IOException {
        Path file = dir.resolve("shop.yaml");
        CliRun init = CliRun.of("init", dir.resolve("shop").toString(), "--server", "uwsgi", "--python", "3.11",
                "--workers", "12", "--ram", "32GiB", "--cores", "16", "--requests-per-second", "150");
        assertEquals(0, init.status(), init.toString());
        String text = Files.readString(file);
        assertTrue(text.startsWith("# yaml-language-server: $schema=./cowfleet-scenario.schema.json\n"));
        assertEquals(ScenarioSchema.json(), Files.readString(dir.resolve("cowfleet-scenario.schema.json")));
        assertTrue(text.contains("processManager: uwsgi") && text.contains("workers: 12")
                && text.contains("ram: 32GiB") && text.contains("cores: 16") && text.contains("150/s")
                && text.contains("python: \"3.11\""), text);
        assertEquals(0, SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(ScenarioSchema.json(), InputFormat.JSON).validate(text, InputFormat.YAML).size());

        CliRun validate = CliRun.of("validate", file.toString());
        assertEquals(0, validate.status(), validate.toString());
        assertTrue(validate.out().contains("valid scenario 'shop' (Python 3.11, 3 policies, baseline default)"),
                validate.out());
        CliRun compare = CliRun.of("compare", file.toString(), "--replications", "1", "--set", "duration=10m",
                "--quiet");
        assertEquals(0, compare.status(), compare.toString());
        assertTrue(compare.out().contains("threshold0-exit"), compare.out());
    }

    @Test
    void refusesToOverwrite() throws IOException {
        Path file = dir.resolve("mine.yaml");
        Files.writeString(file, "my own notes\n");
        CliRun init = CliRun.of("init", file.toString());
        assertEquals(2, init.status(), init.toString());
        assertTrue(init.err().contains(file + ": already exists; init never overwrites a file"), init.err());
        assertEquals("my own notes\n", Files.readString(file));
    }

    @Test
    void pythonWithoutFreezeGetsNoFreezePolicy() throws IOException {
        assertEquals(0, CliRun.of("init", dir.resolve("old").toString(), "--python", "3.6").status());
        assertFalse(Files.readString(dir.resolve("old.yaml")).contains("freeze:"));
    }

    @Test
    void badFlagIsOneLineNamingTheFlagAndWritesNothing() {
        CliRun init = CliRun.of("init", dir.resolve("bad").toString(), "--ram", "12");
        assertEquals(2, init.status());
        assertEquals("cowfleet: --ram: expected a size like 250MiB, got '12'\n", init.err());
        assertFalse(Files.exists(dir.resolve("bad.yaml")));
    }
}
