package dev.cowfleet.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * YAML that parses but is not a plain scenario: a second document, tags, deep nesting, huge values. Each
 * was ignored or cost minutes before; each is one line now, naming the line.
 */
class YamlShapeTest {

    private static String minimal() throws IOException {
        return Files.readString(Fixtures.MINIMAL);
    }

    @Test
    void aSecondDocumentIsRefused() throws IOException {
        String text = minimal() + "---\nhost:\n  workers: 1\n";
        long lines = minimal().lines().count();
        assertEquals("s.yaml:" + (lines + 2) + ": a second YAML document ('---'); a scenario is one document, put "
                + "each in a file of its own", errorOf(text));
    }

    @Test
    void aLeadingDocumentMarkerAloneIsFine() throws IOException {
        ScenarioLoader.parse("---\n" + minimal(), "s.yaml", "s", List.of());
    }

    @Test
    void tagsAreRefusedWhereverTheyStand() throws IOException {
        String onValue = minimal().replaceFirst("question: ", "question: !!java.lang.Runtime ");
        assertEquals("s.yaml:" + lineOf(onValue, "!!java") + ": YAML tags (tag:yaml.org,2002:java.lang.Runtime) are "
                + "not supported; write the plain value", errorOf(onValue));
        String onMap = "!custom\n" + minimal();
        assertEquals("s.yaml:1: YAML tags (!custom) are not supported; write the plain value", errorOf(onMap));
    }

    @Test
    void nestingIsBoundedWithoutParserInternals() {
        String deep = "a: " + "[".repeat(5_000) + "]".repeat(5_000) + "\n";
        String message = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> errorOf(deep));
        assertEquals("s.yaml:1: maps and lists nested more than 16 levels deep; scenario keys use at most 5", message);
        String deepBlock = buildBlockNesting(16);
        assertEquals("s.yaml:17: maps and lists nested more than 16 levels deep; scenario keys use at most 5",
                errorOf(deepBlock));
    }

    @Test
    void sixteenLevelsStillReachTheSpecs() {
        String message = errorOf(buildBlockNesting(15));
        assertEquals("s.yaml:1: unknown key 'k1'", message.replaceFirst(" \\(valid keys.*", ""));
    }

    @Test
    void aHugeValueIsRefusedQuickly() {
        String huge = "question: " + "9".repeat(200_000) + "\n";
        String message = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> errorOf(huge));
        assertEquals("s.yaml:1: a value of 200000 characters; values are at most 10000", message);
    }

    /** {k1: {k2: {... kN: {v: 1}}}} written as indented block maps, one a line: N + 1 levels. */
    private static String buildBlockNesting(int levels) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= levels; i++) {
            text.append("  ".repeat(i - 1)).append("k").append(i).append(":\n");
        }
        return text.append("  ".repeat(levels)).append("v: 1\n").toString();
    }

    private static int lineOf(String text, String needle) {
        return (int) text.substring(0, text.indexOf(needle)).chars().filter(c -> c == '\n').count() + 1;
    }

    private static String errorOf(String yaml) {
        return assertThrows(ScenarioException.class,
                () -> ScenarioLoader.parse(yaml, "s.yaml", "s", List.of())).getMessage();
    }
}
