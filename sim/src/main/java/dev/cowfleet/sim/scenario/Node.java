package dev.cowfleet.sim.scenario;

/**
 * A YAML value with the place it came from. The loader builds its own small tree rather than a Jackson
 * {@code JsonNode} because every key and value must keep its line for error messages and provenance.
 */
sealed interface Node permits MapNode, ListNode, ScalarNode {

    Where where();

    /** What this node is, for "expected a size like 250MiB, got a map" messages. */
    String describe();
}
