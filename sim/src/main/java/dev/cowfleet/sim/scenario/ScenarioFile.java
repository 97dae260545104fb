package dev.cowfleet.sim.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a scenario file's text for every command alike. Only a regular file is read (a FIFO would
 * block forever, /dev/zero never ends, a directory has no text), at most {@link #MAX_BYTES} of it
 * (scenarios are a few KiB; a bigger file is a mistake, and parsing it would cost memory and minutes),
 * decoded as strict UTF-8 so a stray byte is reported with its line instead of becoming U+FFFD.
 */
public final class ScenarioFile {

    /** 1 MiB: two hundred times the largest shipped scenario. */
    public static final int MAX_BYTES = 1 << 20;

    private ScenarioFile() {
    }

    /** The file's text; every problem is a one-line {@link ScenarioException} naming the file. */
    public static String read(Path file) {
        String source = file.toString();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class); // follows links
        } catch (NoSuchFileException e) {
            throw new ScenarioException(source + ": no such scenario file");
        } catch (IOException e) {
            throw new ScenarioException(source + ": cannot read the scenario file (" + e.getMessage() + ")");
        }
        if (!attributes.isRegularFile()) {
            throw new ScenarioException(source + ": not a regular file (" + kind(attributes)
                    + "); expected a scenario YAML file");
        }
        if (attributes.size() > MAX_BYTES) {
            throw tooBig(source, attributes.size());
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1); // the file may have grown since it was measured
        } catch (IOException e) {
            throw new ScenarioException(source + ": cannot read the scenario file (" + e.getMessage() + ")");
        }
        if (bytes.length > MAX_BYTES) {
            throw tooBig(source, bytes.length);
        }
        return decode(bytes, source);
    }

    /** Strict UTF-8; the error names the line and column (in bytes) of the first bad byte. */
    static String decode(byte[] bytes, String source) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        var result = decoder.decode(in, out, true);
        if (result.isError()) {
            int bad = in.position();
            throw new ScenarioException(source + ":" + lineOf(bytes, bad) + ": not UTF-8 text (byte 0x"
                    + String.format("%02X", bytes[bad] & 0xFF) + " at column " + columnOf(bytes, bad)
                    + "); save the scenario file as UTF-8");
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text; // a byte-order mark is not content
    }

    private static int lineOf(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int columnOf(byte[] bytes, int offset) {
        int start = offset;
        while (start > 0 && bytes[start - 1] != '\n') {
            start--;
        }
        return offset - start + 1;
    }

    private static ScenarioException tooBig(String source, long size) {
        return new ScenarioException(source + ": the scenario file is larger than 1 MiB (" + size
                + " bytes or more); scenarios are a few KiB of YAML");
    }

    private static String kind(BasicFileAttributes attributes) {
        return attributes.isDirectory() ? "a directory" : "a device, pipe or socket";
    }
}
