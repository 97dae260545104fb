package dev.cowfleet.sim.scenario;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the valid name closest to a misspelt one, for "did you mean 'heapSize'?" hints. */
final class Suggestions {

    private Suggestions() {
    }

    /**
     * The candidate with the smallest case-insensitive edit distance to {@code typed}, if that distance is
     * small for the word's length (at most a third of it, and at least 2 edits allowed); a candidate that
     * differs only in case always qualifies.
     */
    static Optional<String> closest(String typed, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String t = typed.toLowerCase(Locale.ROOT);
        for (String candidate : candidates) {
            int d = distance(t, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        int allowed = Math.max(2, typed.length() / 3);
        return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
    }

    /** " did you mean 'x'?" or "" when nothing is close. */
    static String didYouMean(String typed, Collection<String> candidates) {
        return closest(typed, candidates).map(c -> ", did you mean '" + c + "'?").orElse("");
    }

    /** Levenshtein distance with one rolling row. */
    private static int distance(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                int substitution = diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                row[j] = Math.min(substitution, Math.min(above + 1, row[j - 1] + 1));
                diagonal = above;
            }
        }
        return row[b.length()];
    }
}
