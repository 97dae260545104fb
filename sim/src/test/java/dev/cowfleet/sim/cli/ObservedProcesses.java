package dev.cowfleet.sim.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Processes started by {@code cowfleet observe}: their command lines name its temporary recipe folder. */
final class ObservedProcesses {
    private ObservedProcesses() {
    }

    static List<String> running() throws IOException {
        List<String> found = new ArrayList<>();
        try (var entries = Files.list(Path.of("/proc"))) {
            for (Path dir : entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    String cmdline = new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
                    String state = Files.readString(dir.resolve("stat"));
                    if (cmdline.contains("cowfleet-observe-") && !state.substring(state.lastIndexOf(')') + 2).startsWith("Z")) {
                        found.add(dir.getFileName() + " " + cmdline.strip());
                    }
                } catch (IOException e) {
                    // gone while we looked
                }
            }
        }
        return found;
    }

    /** Kills, by PID, whatever a failed test left running, so a failure costs no stray server. */
    static void killAll() throws IOException {
        for (String process : running()) {
            ProcessHandle.of(Long.parseLong(process.substring(0, process.indexOf(' ')))).ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
