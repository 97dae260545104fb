package dev.cowfleet.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The editor schema agrees with the loader: every shipped scenario passes it, the broken files the loader
 * refuses for a type, an unknown key, an enum or a missing key fail it at the same key, and the shipped
 * copy is what {@code cowfleet schema} generates now.
 */
class ScenarioSchemaTest {

    private static final Path SHIPPED_SCHEMA = Path.of("..").resolve(ScenarioSchema.SHIPPED_FILE);
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(ScenarioSchema.json(), InputFormat.JSON);

    static Stream<Path> shippedFiles() throws IOException {
        return ShippedScenariosTest.shippedFiles();
    }

    @Test
    void shippedSchemaIsTheGeneratedOne() throws IOException {
        assertEquals(ScenarioSchema.json(), Files.readString(SHIPPED_SCHEMA),
                "regenerate it: java -jar sim/target/cowfleet.jar schema --out " + ScenarioSchema.SHIPPED_FILE);
    }

    @ParameterizedTest
    @MethodSource("shippedFiles")
    void everyShippedScenarioValidatesAndPointsEditorsAtTheSchema(Path file) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.startsWith("# yaml-language-server: $schema=./cowfleet-scenario.schema.json\n"), file.toString());
        assertEquals("", describe(SCHEMA.validate(text, InputFormat.YAML)), file.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "scenarios/broken/bare-size|/heap/measured/heapSize",
        "scenarios/broken/wrong-type|/heap/measured/heapSize",
        "scenarios/broken/misspelt-key|/heap/measured",
        "scenarios/broken/unknown-section|''",
        "scenarios/broken/bad-process-manager|/processManager",
        "scenarios/broken/python-2|/python",
        "scenarios/broken/two-thresholds|/policies/custom/thresholds",
        "scenarios/broken/missing-question|''",
        "cli/unknown-key|/host",
        "cli/wrong-type|''",
        "cli/bad-unit|''",
        "cli/bare-size|''",
        "cli/bare-rate|''",
    })
    void fixturesTheLoaderRefusesForTypeKeyOrEnumFailTheSchemaToo(String fixture, String location) throws IOException {
        Path file = Path.of("src", "test", "resources").resolve(fixture + ".yaml");
        assertNotNull(Fixtures.errorOf(file), "the loader refuses " + file);
        List<Error> errors = SCHEMA.validate(Files.readString(file), InputFormat.YAML);
        assertTrue(!errors.isEmpty(), file + " passed the schema");
        assertTrue(errors.stream().anyMatch(e -> e.getInstanceLocation().toString().contains(location)),
                file + ": no error at " + location + ": " + describe(errors));
    }

    /** A bare optional section ({@code costs:}) loads as an empty one, so the editor must not flag it. */
    @ParameterizedTest
    @CsvSource({"costs", "server"})
    void aBareOptionalSectionPassesTheLoaderAndTheSchema(String section, @TempDir Path dir) throws IOException {
        Path file = withBareSection(section, dir);
        assertDoesNotThrow(() -> ScenarioLoader.load(file, List.of()));
        assertEquals("", describe(SCHEMA.validate(Files.readString(file), InputFormat.YAML)));
    }

    @Test
    void aBareRequiredSectionFailsBoth(@TempDir Path dir) throws IOException {
        Path file = withBareSection("workload", dir);
        assertNotNull(Fixtures.errorOf(file));
        assertTrue(SCHEMA.validate(Files.readString(file), InputFormat.YAML).stream()
                .anyMatch(e -> e.getInstanceLocation().toString().contains("/workload")));
    }

    /** instagram-2017 with one top-level section cut out and written again with no content. */
    private static Path withBareSection(String section, Path dir) throws IOException {
        List<String> kept = new ArrayList<>();
        boolean inSection = false;
        for (String line : Files.readAllLines(Path.of("..", "scenarios", "instagram-2017.yaml"))) {
            if (line.startsWith(section + ":")) {
                inSection = true;
                continue;
            }
            if (inSection && (line.isEmpty() || line.startsWith(" ") || line.startsWith("#"))) {
                continue;
            }
            inSection = false;
            kept.add(line);
        }
        kept.add(section + ":");
        Path file = dir.resolve("bare-" + section + ".yaml");
        Files.write(file, kept);
        return file;
    }

    @Test
    void keyPathsReachEveryLeafOnce() {
        List<String> paths = ScenarioSchema.keyPaths();
        assertTrue(paths.containsAll(List.of("host.workers", "heap.measured.heapSize", "policies.NAME.gc",
                "policies.NAME.server.maxRequests", "fleet.hostTypes.0.ram", "whatIf.tornado.percent")), paths.toString());
        assertEquals(paths.size(), paths.stream().distinct().count());
    }

    private static String describe(List<Error> errors) {
        return errors.stream().map(e -> e.getInstanceLocation() + " " + e.getMessage()).collect(Collectors.joining("; "));
    }
}
