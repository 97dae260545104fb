package dev.cowfleet.sim.cli;

import dev.cowfleet.sim.scenario.ScenarioSchema;
import java.util.Iterator;

/**
 * Shell completion candidates for {@code --set} and {@code --vary}: every scenario key path followed by
 * {@code =}, from the same key definitions the loader reads ({@code policies.NAME.gc=}: NAME is the policy).
 */
final class KeyPathCandidates implements Iterable<String> {

    @Override
    public Iterator<String> iterator() {
        return ScenarioSchema.keyPaths().stream().map(path -> path + "=").iterator();
    }
}
