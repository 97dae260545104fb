package dev.cowfleet.sim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTest {
    private static final String REQUIRED = "summary.json";

    @TempDir
    Path parent;

    private OutputFolder folder(Path target) {
        return new OutputFolder(target, "run", REQUIRED);
    }

    private void writeRun(Path target, String summary) throws IOException {
        folder(target).write(dir -> Files.writeString(dir.resolve(REQUIRED), summary));
    }

    @Test
    void createsTheFolderWithItsContentsItsMarkerAndNothingBeside() throws IOException {
        Path target = parent.resolve("out");
        folder(target).write(dir -> {
            Files.writeString(dir.resolve(REQUIRED), "{}");
            Files.createDirectory(dir.resolve("charts"));
            Files.writeString(dir.resolve("charts/a.csv"), "x\n");
        });

        assertEquals("{}", Files.readString(target.resolve(REQUIRED)));
        assertEquals("x\n", Files.readString(target.resolve("charts/a.csv")));
        assertEquals(List.of("out"), entries(parent));
        String marker = Files.readString(target.resolve(OwnershipMarker.FILE_NAME));
        assertTrue(marker.contains("command=run\n") && marker.contains("file=charts/a.csv\n")
                && marker.contains("file=summary.json\n"), marker);
    }

    @Test
    void aWriterFailingMidWayLeavesNoOutputAndNoTemporaryFolder() {
        Path target = parent.resolve("out");
        IOException failure = assertThrows(IOException.class, () -> folder(target).write(dir -> {
            Files.writeString(dir.resolve(REQUIRED), "{}");
            throw new IOException("disk full");
        }));

        assertEquals("disk full", failure.getMessage());
        assertEquals(List.of(), entries(parent));
    }

    @Test
    void replacesAnEarlierOutputCompletely() throws IOException {
        Path target = parent.resolve("out");
        folder(target).write(dir -> {
            Files.writeString(dir.resolve(REQUIRED), "old");
            Files.writeString(dir.resolve("stale.png"), "old chart");
        });

        writeRun(target, "new");

        assertEquals("new", Files.readString(target.resolve(REQUIRED)));
        assertFalse(Files.exists(target.resolve("stale.png")));
        assertEquals(List.of("out"), entries(parent));
    }

    @Test
    void aFailedReplacementKeepsTheEarlierOutputIntact() throws IOException {
        Path target = parent.resolve("out");
        writeRun(target, "old");

        assertThrows(IllegalStateException.class, () -> folder(target).write(dir -> {
            Files.writeString(dir.resolve(REQUIRED), "half");
            throw new IllegalStateException("chart failed");
        }));

        assertEquals("old", Files.readString(target.resolve(REQUIRED)));
        assertEquals(List.of("out"), entries(parent));
    }

    @Test
    void contentsWithoutTheRequiredFileAreNotMovedIntoPlace() {
        Path target = parent.resolve("out");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> folder(target).write(dir -> Files.writeString(dir.resolve("a.csv"), "")));
        assertTrue(e.getMessage().contains(REQUIRED), e.getMessage());
        assertEquals(List.of(), entries(parent));
    }

    @Test
    void aFolderThatMerelyHoldsAFileOfTheSameNameIsTheUsersAndIsKept() throws IOException {
        // The old rule trusted any folder holding summary.json, and deleted everything beside it.
        Path x = parent.resolve("x");
        Files.createDirectories(x.resolve("src"));
        Files.writeString(x.resolve(REQUIRED), "{}");
        Files.writeString(x.resolve("notes.txt"), "keep");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> writeRun(x, "new"));

        assertTrue(e.getMessage().contains("cowfleet did not write"), e.getMessage());
        assertEquals(List.of("notes.txt", "src", REQUIRED), entries(x));
        assertEquals("keep", Files.readString(x.resolve("notes.txt")));
        assertEquals(List.of("x"), entries(parent));
    }

    @Test
    void aFileTheUserAddedToAnEarlierOutputMakesItTheUsers() throws IOException {
        Path target = parent.resolve("out");
        writeRun(target, "old");
        Files.writeString(target.resolve("my-analysis.md"), "mine");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> writeRun(target, "new"));

        assertTrue(e.getMessage().contains("my-analysis.md"), e.getMessage());
        assertEquals("mine", Files.readString(target.resolve("my-analysis.md")));
        assertEquals("old", Files.readString(target.resolve(REQUIRED)));
    }

    @Test
    void aForgedMarkerDoesNotCoverUnlistedFiles() throws IOException {
        Path target = parent.resolve("out");
        Files.createDirectories(target);
        Files.writeString(target.resolve(OwnershipMarker.FILE_NAME), "command=run\n");
        Files.writeString(target.resolve("thesis.tex"), "years of work");

        assertThrows(IllegalArgumentException.class, () -> writeRun(target, "new"));
        assertEquals("years of work", Files.readString(target.resolve("thesis.tex")));
    }

    @Test
    void refusesAFileASymbolicLinkAndAnUnwritableParentBeforeAnyWork() throws IOException {
        Path file = parent.resolve("file");
        Files.writeString(file, "data");
        assertThrows(IllegalArgumentException.class, () -> folder(file).checkReplaceable());
        assertEquals("data", Files.readString(file));

        Path underAFile = file.resolve("out");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> folder(underAFile).checkReplaceable());
        assertTrue(e.getMessage().contains("is not a folder"), e.getMessage());

        Path link = parent.resolve("link");
        Files.createSymbolicLink(link, Files.createDirectory(parent.resolve("real")));
        assertThrows(IllegalArgumentException.class, () -> folder(link).checkReplaceable());

        assumeTrue(Files.isDirectory(Path.of("/proc/self")));
        e = assertThrows(IllegalArgumentException.class, () -> folder(Path.of("/proc/self/out")).checkReplaceable());
        assertTrue(e.getMessage().contains("not writable"), e.getMessage());
    }

    @Test
    void fillsAnExistingEmptyFolder() throws IOException {
        Path target = parent.resolve("out");
        Files.createDirectories(target);

        writeRun(target, "{}");

        assertTrue(Files.exists(target.resolve(REQUIRED)));
        assertEquals(List.of("out"), entries(parent));
    }

    @Test
    void aLaterRunRemovesWhatADeadWriterLeftAndRestoresAnOutputCaughtMidReplacement() throws IOException {
        Path target = parent.resolve("out");
        long deadPid = deadPid();
        Path staleTemp = Files.createDirectory(parent.resolve(".out.tmp-" + deadPid + "-" + UUID.randomUUID()));
        OwnershipMarker.writeProvisional(staleTemp, "run");
        Files.writeString(staleTemp.resolve(REQUIRED), "partial");
        Path staleOld = Files.createDirectory(parent.resolve(".out.old-" + deadPid + "-" + UUID.randomUUID()));
        Files.writeString(staleOld.resolve(REQUIRED), "previous");
        OwnershipMarker.writeFinal(staleOld, "run");
        Path someoneElses = Files.createDirectory(parent.resolve(".out.tmp-" + deadPid + "-" + UUID.randomUUID()));

        folder(target).checkReplaceable();
        StaleSiblings.removeAround(target);

        assertEquals("previous", Files.readString(target.resolve(REQUIRED)), "the old output was put back");
        assertEquals(List.of(someoneElses.getFileName().toString(), "out"), entries(parent),
                "an unmarked folder is not ours to remove");
    }

    @Test
    void theInterruptionHookPutsTheOldOutputBackAndDropsTheTemporaryFolder() throws IOException {
        Path target = parent.resolve("out");
        writeRun(target, "previous");
        Path temp = Files.createDirectory(parent.resolve(StaleSiblings.name(target, StaleSiblings.TEMP, UUID.randomUUID())));
        Files.move(target, StaleSiblings.oldFor(temp));

        StaleSiblings.rescue(target, temp);

        assertEquals("previous", Files.readString(target.resolve(REQUIRED)));
        assertEquals(List.of("out"), entries(parent));
    }

    @Test
    void thePublishedFolderHasOrdinaryPermissionsNotThoseOfATemporaryFolder() throws IOException {
        Path target = parent.resolve("out");
        Path ordinary = Files.createDirectory(parent.resolve("ordinary"));
        writeRun(target, "{}");

        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        assertEquals(Files.getPosixFilePermissions(ordinary), Files.getPosixFilePermissions(target));
    }

    /** A process id no live process has: a child that has exited and been reaped. */
    private static long deadPid() throws IOException {
        try {
            Process p = new ProcessBuilder("true").start();
            p.waitFor();
            return p.pid();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    static List<String> entries(Path folder) {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
