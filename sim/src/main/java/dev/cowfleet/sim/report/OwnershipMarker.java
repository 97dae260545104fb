package dev.cowfleet.sim.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The file by which cowfleet recognises a folder as its own output: it names the command that wrote
 * the folder and lists every file the command wrote. Anything in the folder that the list does not
 * name was put there by someone else, and makes the folder the user's.
 *
 * @param command the command that wrote the folder, e.g. "run"
 * @param files   the files written, relative to the folder, '/'-separated; empty while still writing
 */
record OwnershipMarker(String command, Set<String> files) {
    static final String FILE_NAME = ".cowfleet-output";
    private static final String HEADER = "# cowfleet wrote this folder; it replaces it only while this list names every file in it.";

    /** Marks a temporary folder at once, so a later run can tell it is cowfleet's if this one dies. */
    static void writeProvisional(Path folder, String command) throws IOException {
        Files.writeString(folder.resolve(FILE_NAME), HEADER + "\ncommand=" + command + "\nstate=writing\n",
                StandardCharsets.UTF_8);
    }

    /** Lists every file now in the folder: called once the contents are complete. */
    static void writeFinal(Path folder, String command) throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append("\ncommand=").append(command).append("\nstate=complete\n");
        for (String file : filesIn(folder)) {
            text.append("file=").append(file).append('\n');
        }
        Files.writeString(folder.resolve(FILE_NAME), text, StandardCharsets.UTF_8);
    }

    /** The folder's marker, or empty when it has none or the file is not one of ours. */
    static Optional<OwnershipMarker> read(Path folder) throws IOException {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            return Optional.empty();
        }
        String command = null;
        Set<String> files = new TreeSet<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.startsWith("command=")) {
                command = line.substring("command=".length());
            } else if (line.startsWith("file=")) {
                files.add(line.substring("file=".length()));
            }
        }
        return command == null ? Optional.empty() : Optional.of(new OwnershipMarker(command, files));
    }

    /** The first entry of {@code folder} this marker does not account for, if any. */
    Optional<Path> firstUnlisted(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted().toList()) {
                if (path.equals(folder)) {
                    continue;
                }
                String relative = relative(folder, path);
                boolean accounted = relative.equals(FILE_NAME)
                        || (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) && files.contains(relative))
                        || (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)
                        && files.stream().anyMatch(f -> f.startsWith(relative + "/")));
                if (!accounted) {
                    return Optional.of(path);
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> filesIn(Path folder) throws IOException {
        List<String> files = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted().toList()) {
                if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) && !path.getFileName().toString().equals(FILE_NAME)) {
                    files.add(relative(folder, path));
                }
            }
        }
        return files;
    }

    private static String relative(Path folder, Path path) {
        return folder.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
    }
}
