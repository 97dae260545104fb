package dev.cowfleet.sim.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes a folder all at once: the contents go into a hidden temporary sibling, which is then renamed
 * onto the target. A reader sees the old folder or the new one, never a half-written one; if writing
 * fails the temporary folder is removed and an existing folder is left as it was.
 *
 * <p>An existing target is only replaced when it is empty or holds the marker file, i.e. is an earlier
 * output of the same kind, so a mistyped {@code --out} can never wipe someone's home folder.
 */
public final class OutputFolder {

    /** Fills a folder; called with the temporary folder, never the target. */
    @FunctionalInterface
    public interface Contents {
        void writeInto(Path folder) throws IOException;
    }

    private final Path target;
    private final String markerFile;

    /**
     * @param target     the folder to create or replace
     * @param markerFile a file every such folder contains, e.g. "summary.json"
     */
    public OutputFolder(Path target, String markerFile) {
        this.target = target.toAbsolutePath().normalize();
        this.markerFile = markerFile;
    }

    public Path target() {
        return target;
    }

    public void write(Contents contents) throws IOException {
        checkReplaceable();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        // A sibling, so the final rename stays within one file system and is atomic. Not
        // createTempDirectory: its owner-only permissions would end up on the published folder.
        Path temp = Files.createDirectory(parent.resolve("." + target.getFileName() + ".tmp-" + UUID.randomUUID()));
        try {
            contents.writeInto(temp);
            if (!Files.exists(temp.resolve(markerFile))) {
                throw new IllegalStateException("output in " + temp + " lacks " + markerFile);
            }
            moveIntoPlace(temp);
        } catch (IOException | RuntimeException | Error e) {
            try {
                deleteRecursively(temp);
            } catch (IOException | UncheckedIOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /**
     * Fails as {@link #write} would if the target may not be replaced: callers check before the slow
     * work, so a mistyped {@code --out} costs nothing.
     *
     * @throws IllegalArgumentException if the target exists and is not an earlier output of this kind
     */
    public void checkReplaceable() throws IOException {
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new IllegalArgumentException("output " + target + " exists and is not a folder; "
                    + "expected a new or earlier output folder");
        }
        if (!isEmpty(target) && !Files.exists(target.resolve(markerFile))) {
            throw new IllegalArgumentException("output " + target + " is a non-empty folder without "
                    + markerFile + "; refusing to replace it, expected a new or earlier output folder");
        }
    }

    /**
     * Rename cannot replace a non-empty folder, so the old one is first renamed aside, then the new one
     * into place, then the old one deleted; if the second rename fails the old one is put back.
     */
    private void moveIntoPlace(Path temp) throws IOException {
        if (!Files.exists(target)) {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Path old = target.resolveSibling(temp.getFileName().toString().replace(".tmp-", ".old-"));
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        deleteRecursively(old);
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            return !entries.iterator().hasNext();
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
