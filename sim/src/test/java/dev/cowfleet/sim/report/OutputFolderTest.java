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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTest {
    private static final String MARKER = "summary.json";

    @TempDir
    Path parent;

    @Test
    void createsTheFolderWithItsContentsAndNothingBeside() throws IOException {
        Path target = parent.resolve("out");
        new OutputFolder(target, MARKER).write(dir -> {
            Files.writeString(dir.resolve(MARKER), "{}");
            Files.writeString(dir.resolve("a.csv"), "x\n");
        });

        assertEquals("{}", Files.readString(target.resolve(MARKER)));
        assertEquals("x\n", Files.readString(target.resolve("a.csv")));
        assertEquals(List.of("out"), entries(parent));
    }

    @Test
    void aWriterFailingMidWayLeavesNoOutputAndNoTemporaryFolder() {
        Path target = parent.resolve("out");
        IOException failure = assertThrows(IOException.class, () -> new OutputFolder(target, MARKER).write(dir -> {
            Files.writeString(dir.resolve(MARKER), "{}");
            throw new IOException("disk full");
        }));

        assertEquals("disk full", failure.getMessage());
        assertEquals(List.of(), entries(parent));
    }

    @Test
    void replacesAnEarlierOutputCompletely() throws IOException {
        Path target = parent.resolve("out");
        Files.createDirectories(target);
        Files.writeString(target.resolve(MARKER), "old");
        Files.writeString(target.resolve("stale.png"), "old chart");

        new OutputFolder(target, MARKER).write(dir -> Files.writeString(dir.resolve(MARKER), "new"));

        assertEquals("new", Files.readString(target.resolve(MARKER)));
        assertFalse(Files.exists(target.resolve("stale.png")));
        assertEquals(List.of("out"), entries(parent));
    }

    @Test
    void aFailedReplacementKeepsTheEarlierOutputIntact() throws IOException {
        Path target = parent.resolve("out");
        Files.createDirectories(target);
        Files.writeString(target.resolve(MARKER), "old");

        assertThrows(IllegalStateException.class, () -> new OutputFolder(target, MARKER).write(dir -> {
            Files.writeString(dir.resolve(MARKER), "half");
            throw new IllegalStateException("chart failed");
        }));

        assertEquals("old", Files.readString(target.resolve(MARKER)));
        assertEquals(List.of("out"), entries(parent));
    }

    @Test
    void contentsWithoutTheMarkerAreNotMovedIntoPlace() {
        Path target = parent.resolve("out");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new OutputFolder(target, MARKER).write(dir -> Files.writeString(dir.resolve("a.csv"), "")));
        assertTrue(e.getMessage().contains(MARKER), e.getMessage());
        assertEquals(List.of(), entries(parent));
    }

    @Test
    void refusesToReplaceAFolderThatIsNotAnEarlierOutput() throws IOException {
        Path home = parent.resolve("home");
        Files.createDirectories(home);
        Files.writeString(home.resolve("thesis.tex"), "years of work");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new OutputFolder(home, MARKER).write(dir -> Files.writeString(dir.resolve(MARKER), "{}")));

        assertTrue(e.getMessage().contains(home.toString()) && e.getMessage().contains(MARKER), e.getMessage());
        assertEquals("years of work", Files.readString(home.resolve("thesis.tex")));
        assertEquals(List.of("home"), entries(parent));
    }

    @Test
    void refusesToReplaceAFile() throws IOException {
        Path file = parent.resolve("out");
        Files.writeString(file, "data");

        assertThrows(IllegalArgumentException.class,
                () -> new OutputFolder(file, MARKER).write(dir -> Files.writeString(dir.resolve(MARKER), "{}")));
        assertEquals("data", Files.readString(file));
    }

    @Test
    void fillsAnExistingEmptyFolder() throws IOException {
        Path target = parent.resolve("out");
        Files.createDirectories(target);

        new OutputFolder(target, MARKER).write(dir -> Files.writeString(dir.resolve(MARKER), "{}"));

        assertTrue(Files.exists(target.resolve(MARKER)));
        assertEquals(List.of("out"), entries(parent));
    }

    @Test
    void thePublishedFolderHasOrdinaryPermissionsNotThoseOfATemporaryFolder() throws IOException {
        Path target = parent.resolve("out");
        Path ordinary = Files.createDirectory(parent.resolve("ordinary"));
        new OutputFolder(target, MARKER).write(dir -> Files.writeString(dir.resolve(MARKER), "{}"));

        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        assertEquals(Files.getPosixFilePermissions(ordinary), Files.getPosixFilePermissions(target));
    }

    static List<String> entries(Path folder) {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
