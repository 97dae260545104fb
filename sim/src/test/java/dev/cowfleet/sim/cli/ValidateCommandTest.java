package dev.cowfleet.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code cowfleet validate}: accepts the shipped scenarios; --explain shows every effective value and its origin. */
class ValidateCommandTest {

    @Test
    void everyShippedScenarioIsValid() {
        for (String name : List.of("instagram-2017", "freeze-2017", "immortal-3.12", "recycling", "deploy-storm")) {
            CliRun run = CliRun.of("validate", ShippedRun.scenario(name).toString());
            assertEquals(0, run.status(), run::toString);
            assertEquals("", run.err());
            assertTrue(run.out().startsWith(ShippedRun.scenario(name) + ": valid scenario '" + name + "'"), run::toString);
        }
    }

    @Test
    void explainNamesTheOriginOfEveryValue() {
        String file = ShippedRun.scenario("instagram-2017").toString();
        CliRun run = CliRun.of("validate", file, "--explain", "--set", "duration=30m");
        assertEquals(0, run.status(), run::toString);
        assertEquals("", run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).matches("key +value +origin"), lines.get(0));
        assertEquals(file + ": valid scenario 'instagram-2017' (Python 3.6, 4 policies, baseline default)",
                lines.get(lines.size() - 1));
        assertRow(lines, "duration", "30m", "--set");
        assertRow(lines, "server.maxRequests", "3000", file + ":59");
        assertRow(lines, "host.workers", "70", file + ":20");
        assertRow(lines, "server.maxRequestsJitter", "0", "default (uwsgi profile)");
        for (String line : lines.subList(1, lines.size() - 1)) {
            assertTrue(line.matches("\\S+ +.+ {2}(" + Pattern.quote(file) + ":\\d+|--set|default.*)"),
                    () -> "every value has an origin: " + line);
        }
    }

    private static void assertRow(List<String> lines, String key, String value, String origin) {
        String row = lines.stream().filter(l -> l.startsWith(key + " ")).findFirst().orElseThrow(() ->
                new AssertionError("--explain lacks " + key));
        assertEquals(List.of(key, value, origin), List.of(row.split(" {2,}")), row);
    }
}
