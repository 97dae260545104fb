package dev.cowfleet.sim.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hidden siblings an {@link OutputFolder} writes through: {@code .NAME.tmp-PID-UUID} while writing
 * and {@code .NAME.old-PID-UUID} while replacing. The writer's process id in the name tells a later run
 * whether the writer is gone; a shutdown hook and that later run remove them, so an interrupted run
 * leaves nothing behind and never loses the previous output.
 */
final class StaleSiblings {
    static final String TEMP = "tmp";
    static final String OLD = "old";

    private StaleSiblings() {
    }

    static String name(Path target, String kind, UUID id) {
        return "." + target.getFileName() + "." + kind + "-" + ProcessHandle.current().pid() + "-" + id;
    }

    static Path oldFor(Path temp) {
        return temp.resolveSibling(temp.getFileName().toString().replaceFirst("\\." + TEMP + "-", "." + OLD + "-"));
    }

    /**
     * Run at interruption: drops the temporary folder and, if the old output was already renamed aside
     * but the new one not yet into place, puts the old one back.
     */
    static void rescue(Path target, Path temp) {
        try {
            Path old = oldFor(temp);
            if (Files.exists(old)) {
                if (Files.exists(target)) {
                    OutputFolder.deleteRecursively(old);
                } else {
                    Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
                }
            }
            deleteWhileWritten(temp);
        } catch (IOException | UncheckedIOException e) {
            // Best effort while the JVM exits; a later run removes what is left (removeAround).
        }
    }

    /** The writer may still be adding files while the JVM exits; a few passes catch what one pass races with. */
    private static void deleteWhileWritten(Path temp) throws IOException {
        for (int pass = 1; ; pass++) {
            try {
                OutputFolder.deleteRecursively(temp);
                return;
            } catch (IOException | UncheckedIOException raced) {
                if (pass == 3) {
                    throw raced;
                }
            }
        }
    }

    /** Removes the siblings of {@code target} that a dead cowfleet process left, restoring an old output if needed. */
    static void removeAround(Path target) throws IOException {
        Pattern own = Pattern.compile("\\." + Pattern.quote(target.getFileName().toString())
                + "\\.(" + TEMP + "|" + OLD + ")-(\\d{1,18})-[0-9a-f-]{36}");
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(target.getParent())) {
            for (Path sibling : siblings) {
                Matcher m = own.matcher(sibling.getFileName().toString());
                if (!m.matches() || writerAlive(Long.parseLong(m.group(2)))
                        || OwnershipMarker.read(sibling).isEmpty()) {
                    continue;
                }
                if (m.group(1).equals(OLD) && !Files.exists(target)) {
                    Files.move(sibling, target, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    OutputFolder.deleteRecursively(sibling);
                }
            }
        }
    }

    private static boolean writerAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
