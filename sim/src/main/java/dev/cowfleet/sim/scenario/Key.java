package dev.cowfleet.sim.scenario;

import java.util.Map;

/** One key a scenario section may hold: a value ({@link KeyDef}) or a nested section ({@link SectionKey}). */
sealed interface Key permits KeyDef, SectionKey {

    String name();

    /** Whether the loader refuses the section without this key. */
    boolean required();

    /** The key's JSON Schema, with its description, for {@code cowfleet schema}. */
    Map<String, Object> schema();
}
