package dev.cowfleet.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final List<String> KEYS = List.of("heapSize", "trackedPages", "trackedObjects", "totalObjects");

    @Test
    void findsTheClosestKey() {
        assertEquals(Optional.of("heapSize"), Suggestions.closest("heapSiz", KEYS));
        assertEquals(Optional.of("trackedObjects"), Suggestions.closest("trackedObject", KEYS));
        assertEquals(Optional.of("totalObjects"), Suggestions.closest("totalobjects", KEYS), "case is ignored");
    }

    @Test
    void staysQuietWhenNothingIsClose() {
        assertEquals(Optional.empty(), Suggestions.closest("fleet", KEYS));
        assertEquals("", Suggestions.didYouMean("whatIf", KEYS));
    }
}
