package dev.cowfleet.sim.scenario;

/**
 * A scalar as written in the file: its raw text, so that "3.10" stays "3.10" and "1.5M" reaches the
 * unit parser untouched. {@code text} is null for a YAML null ("key:" with nothing after it).
 */
record ScalarNode(Where where, String text) implements Node {

    boolean isNull() {
        return text == null;
    }

    @Override
    public String describe() {
        return isNull() ? "nothing" : "'" + text + "'";
    }
}
