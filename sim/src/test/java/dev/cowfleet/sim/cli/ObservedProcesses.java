package dev.cowfleet.sim.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Processes started by {@code cowfleet observe} in this build: their command lines name its temporary
 * recipe folder, and their command line or environment (the app's PYTHONPATH) names this build's
 * folder. Other builds on the same machine (another checkout's tests) run servers of their own,
 * which are theirs to stop.
 */
final class ObservedProcesses {
    private static final String BUILD = Path.of("").toAbsolutePath().toString();

    /** After each test of a class that starts servers: none of this build's may still run, also when the test failed. */
    static final class NothingLeftRunning implements AfterEachCallback {
        @Override
        public void afterEach(ExtensionContext context) throws IOException {
            Assertions.assertEquals(List.of(), running(), "processes cowfleet observe started are still running");
        }
    }

    private ObservedProcesses() {
    }

    static List<String> running() throws IOException {
        List<String> found = new ArrayList<>();
        try (var entries = Files.list(Path.of("/proc"))) {
            for (Path dir : entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    String cmdline = new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
                    String state = Files.readString(dir.resolve("stat"));
                    if (cmdline.contains("cowfleet-observe-") && !state.substring(state.lastIndexOf(')') + 2).startsWith("Z")
                            && (cmdline.contains(BUILD) || environment(dir).contains(BUILD))) {
                        found.add(dir.getFileName() + " " + cmdline.strip());
                    }
                } catch (IOException e) {
                    // gone while we looked
                }
            }
        }
        return found;
    }

    private static String environment(Path dir) {
        try {
            return new String(Files.readAllBytes(dir.resolve("environ")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Kills, by PID, whatever a failed test left running, so a failure costs no stray server. */
    static void killAll() throws IOException {
        for (String process : running()) {
            ProcessHandle.of(Long.parseLong(process.substring(0, process.indexOf(' ')))).ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
