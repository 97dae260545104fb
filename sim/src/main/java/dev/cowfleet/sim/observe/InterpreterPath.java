package dev.cowfleet.sim.observe;

import java.nio.file.Files;
import java.nio.file.Path;

/** {@code --python}: a path, or a bare name such as python3 looked up on PATH as a shell would. */
public final class InterpreterPath {
    private InterpreterPath() {
    }

    public static Path find(String text) {
        if (text.contains("/")) {
            return Path.of(text);
        }
        String path = System.getenv("PATH");
        for (String folder : path == null ? new String[0] : path.split(":")) {
            Path candidate = Path.of(folder.isEmpty() ? "." : folder, text);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new ObserveException("--python " + text + ": not found on PATH");
    }
}
