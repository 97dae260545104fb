package dev.cowfleet.sim.scenario;

import java.util.Map;

/**
 * The type of a scenario value: how to read it from a node, how it is described in errors ("a size like
 * 250MiB"), how it is printed back with units for {@code validate --explain}, and its JSON Schema for
 * editors ({@code cowfleet schema}).
 */
interface ValueKind<T> {

    /** The expected form, used after "expected ". */
    String expected();

    /** Reads the value, or throws a {@link ScenarioException} naming the node's place and {@code keyPath}. */
    T read(Node node, String keyPath);

    /** The value with units, e.g. "250MiB". */
    String format(T value);

    /** The JSON Schema of the value as YAML presents it to an editor (see {@link UnitSchemas}). */
    Map<String, Object> schema();
}
