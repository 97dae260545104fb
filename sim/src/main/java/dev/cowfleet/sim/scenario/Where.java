package dev.cowfleet.sim.scenario;

/**
 * Where an input came from: a line of a scenario file, the file as a whole (line 0), or a
 * {@code --set} flag. Errors use {@link #describe()}, {@code validate --explain} uses {@link #origin()}.
 *
 * @param source the file name as given, or the whole flag text ("--set host.workers=80")
 * @param line   1-based line in the file, 0 when not known or for a flag
 * @param flag   true for a {@code --set} flag
 */
record Where(String source, int line, boolean flag) {

    static Where inFile(String file, int line) {
        return new Where(file, line, false);
    }

    static Where ofFile(String file) {
        return new Where(file, 0, false);
    }

    static Where ofFlag(String flagText) {
        return new Where(flagText, 0, true);
    }

    /** "FILE:LINE", "FILE" or "--set key=value": the prefix of an error message. */
    String describe() {
        return line > 0 ? source + ":" + line : source;
    }

    /** "FILE:LINE" or "--set": the origin column of {@code validate --explain}. */
    String origin() {
        return flag ? "--set" : describe();
    }
}
