package dev.cowfleet.sim.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes a folder all at once: the contents go into a hidden temporary sibling, which is then renamed
 * onto the target. A reader sees the old folder or the new one, never a half-written one; if writing
 * fails, or the process is interrupted, the temporary folder is removed and an existing folder is left
 * as it was.
 *
 * <p>cowfleet replaces only what it wrote itself: a folder is replaced when it is empty, or when it
 * holds an {@link OwnershipMarker} that lists every file in it. A folder with anything else in it, a
 * file the user added to an earlier output included, is refused before any work is done, so no run can
 * delete a user's file.
 */
public final class OutputFolder {

    /** Fills a folder; called with the temporary folder, never the target. */
    @FunctionalInterface
    public interface Contents {
        void writeInto(Path folder) throws IOException;
    }

    private final Path target;
    private final String command;
    private final String requiredFile;

    /**
     * @param target       the folder to create or replace
     * @param command      the cowfleet command writing it, recorded in the marker, e.g. "run"
     * @param requiredFile a file every complete output of this kind contains, e.g. "summary.json"
     */
    public OutputFolder(Path target, String command, String requiredFile) {
        this.target = target.toAbsolutePath().normalize();
        this.command = command;
        this.requiredFile = requiredFile;
    }

    public Path target() {
        return target;
    }

    public void write(Contents contents) throws IOException {
        checkReplaceable();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        StaleSiblings.removeAround(target);
        // A sibling, so the final rename stays within one file system and is atomic. Not
        // createTempDirectory: its owner-only permissions would end up on the published folder.
        Path temp = parent.resolve(StaleSiblings.name(target, StaleSiblings.TEMP, UUID.randomUUID()));
        // The hook is registered before the temporary folder exists, so no interruption falls between the
        // two; it runs on its own thread while this one may still be writing, so it and the publishing steps
        // take turns on one lock, and once it has run nothing is published.
        Interruption interruption = new Interruption(target, temp);
        Runtime.getRuntime().addShutdownHook(interruption.hook());
        try {
            interruption.unlessInterrupted(() -> {
                Files.createDirectory(temp);
                // Marked at once, so that a later run may recognise and remove it if this process dies mid-write.
                OwnershipMarker.writeProvisional(temp, command);
            });
            contents.writeInto(temp);
            if (!Files.exists(temp.resolve(requiredFile))) {
                throw new IllegalStateException("output in " + temp + " lacks " + requiredFile);
            }
            interruption.unlessInterrupted(() -> {
                OwnershipMarker.writeFinal(temp, command);
                moveIntoPlace(temp);
            });
        } catch (IOException | RuntimeException | Error e) {
            try {
                deleteRecursively(temp);
            } catch (IOException | UncheckedIOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        } finally {
            removeHook(interruption.hook());
        }
    }

    /**
     * Fails as {@link #write} would if the target may not be replaced or its parent cannot be written:
     * callers check before the slow work, so a mistyped {@code --out} costs nothing.
     *
     * @throws IllegalArgumentException if the target exists and is not cowfleet's alone, or cannot be written
     */
    public void checkReplaceable() throws IOException {
        if (Files.isSymbolicLink(target)) {
            throw new IllegalArgumentException("output " + target + " is a symbolic link; expected a new folder "
                    + "or an earlier cowfleet output folder");
        }
        if (!Files.exists(target)) {
            checkWritable();
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new IllegalArgumentException("output " + target + " exists and is not a folder; "
                    + "expected a new folder or an earlier cowfleet output folder");
        }
        if (isEmpty(target)) {
            checkWritable();
            return;
        }
        Optional<OwnershipMarker> marker = OwnershipMarker.read(target);
        if (marker.isEmpty()) {
            throw new IllegalArgumentException("output " + target + " is a non-empty folder that cowfleet did not "
                    + "write (no " + OwnershipMarker.FILE_NAME + "); refusing to replace it, choose a new or empty folder");
        }
        Optional<Path> foreign = marker.get().firstUnlisted(target);
        if (foreign.isPresent()) {
            throw new IllegalArgumentException("output " + target + " holds " + target.relativize(foreign.get())
                    + ", which cowfleet did not write; refusing to replace it, move that file or choose another folder");
        }
        checkWritable();
    }

    /**
     * Creates and removes a probe folder where the temporary folder will go, so that a read-only file
     * system, a missing permission or a parent that is a file fails now and not after the simulation.
     */
    private void checkWritable() {
        Path ancestor = target.getParent();
        while (ancestor != null && !Files.exists(ancestor)) {
            ancestor = ancestor.getParent();
        }
        if (ancestor == null || !Files.isDirectory(ancestor)) {
            throw new IllegalArgumentException("cannot write output " + target + ": " + ancestor
                    + " is not a folder");
        }
        Path probe = ancestor.resolve("." + target.getFileName() + ".probe-" + UUID.randomUUID());
        try {
            Files.createDirectory(probe);
            Files.delete(probe);
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalArgumentException("cannot write output " + target + ": " + ancestor
                    + " is not writable (" + e.getClass().getSimpleName() + ")");
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
        Path old = StaleSiblings.oldFor(temp);
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        deleteRecursively(old);
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already exiting and the hook is running or about to: nothing to undo.
        }
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            return !entries.iterator().hasNext();
        }
    }

    static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
