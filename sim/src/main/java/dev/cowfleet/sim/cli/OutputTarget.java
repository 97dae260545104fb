package dev.cowfleet.sim.cli;

import java.io.IOException;

/**
 * The {@code --out} folder as the user's input: a folder the writers refuse to replace (not an
 * earlier output of the same kind) is a bad-input error, exit 2. Commands check it before any slow
 * work, and again when they write.
 */
final class OutputTarget {
    /** A writer's check or write, which throws IllegalArgumentException for a folder it must not replace. */
    @FunctionalInterface
    interface Step {
        void run() throws IOException;
    }

    private OutputTarget() {
    }

    static void require(Step step) throws IOException {
        try {
            step.run();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }
}
