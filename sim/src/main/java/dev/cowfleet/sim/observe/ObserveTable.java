package dev.cowfleet.sim.observe;

import dev.cowfleet.sim.report.HtmlPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The measured-vs-simulated table, as terminal text and in report.html. */
final class ObserveTable {
    private record Row(String label, ToDoubleFunction<Figures> value) {
    }

    private ObserveTable() {
    }

    private static List<Row> rows(ObserveResult result) {
        return List.of(
                new Row("worker private, mean (MiB)", Figures::workerPrivateMean),
                new Row("worker private, max (MiB)", Figures::workerPrivateMax),
                new Row(String.format(Locale.ROOT, "worker shared at age %.0f s (MiB)", result.sharedAgeSeconds()),
                        Figures::sharedAfterMinute),
                new Row("host memory, mean (MiB)", Figures::hostMemoryMean),
                new Row("host memory, max (MiB)", Figures::hostMemoryMax),
                new Row("copied at a worker's exit (MiB)", Figures::exitCopied));
    }

    /** One row's cells: label, measured, and with a simulation simulated and relative error. */
    private static List<List<String>> cells(ObserveResult result) {
        List<List<String>> table = new ArrayList<>();
        for (Row row : rows(result)) {
            List<String> cells = new ArrayList<>(List.of(row.label(), mib(row.value().applyAsDouble(result.measured()))));
            if (result.simulated() != null) {
                cells.add(mib(row.value().applyAsDouble(result.simulated())));
                cells.add(percent(row.value().applyAsDouble(result.simulated().relativeErrorOf(result.measured()))));
            }
            table.add(cells);
        }
        return table;
    }

    private static List<String> header(ObserveResult result) {
        return result.simulated() != null ? List.of("figure", "measured", "simulated", "relative error")
                : List.of("figure", "measured");
    }

    static String text(ObserveResult result) {
        StringBuilder out = new StringBuilder();
        Observation o = result.observation();
        out.append(String.format(Locale.ROOT, "%s, policy %s, %d workers%s%n", o.server(), o.policy(), o.workers(),
                o.load() == null ? "" : String.format(Locale.ROOT, ", %d requests (%d failed) in %.0f s", o.load().sent(), o.load().failed(), o.load().seconds())));
        for (List<String> row : prepend(header(result), cells(result))) {
            out.append(String.format(Locale.ROOT, "  %-36s", row.get(0)));
            for (int i = 1; i < row.size(); i++) {
                out.append(String.format(Locale.ROOT, " %14s", row.get(i)));
            }
            out.append('\n');
        }
        return out.toString();
    }

    static String figure(ObserveCharts.Chart chart, String svg) {
        return HtmlPage.figure(chart.stem(), chart.chart().getTitle().getText(), chart.caption(), svg);
    }

    static String page(ObserveResult result, String figures, String recipeFile) {
        Observation o = result.observation();
        StringBuilder html = new StringBuilder(HtmlPage.start("observe " + o.server() + " " + o.policy()));
        html.append("<h1>").append(HtmlPage.escape(o.server())).append(", policy ").append(HtmlPage.escape(o.policy()))
                .append("</h1>\n<p class=\"meta\">").append(o.workers()).append(" workers");
        if (o.load() != null) {
            html.append(", ").append(o.load().sent()).append(" requests sent, ").append(o.load().failed())
                    .append(String.format(Locale.ROOT, " failed, the last answered %.0f s after the first was sent", o.load().seconds()));
        }
        html.append(". Memory from /proc/PID/smaps_rollup every second; a worker's exit copy is its minor faults from "
                + "SIGTERM to its end, times 4 KiB.</p>\n<table>\n<tr>");
        header(result).forEach(h -> html.append("<th>").append(HtmlPage.escape(h)).append("</th>"));
        html.append("</tr>\n");
        for (List<String> row : cells(result)) {
            html.append("<tr><td>").append(HtmlPage.escape(row.get(0))).append("</td>");
            for (int i = 1; i < row.size(); i++) {
                html.append("<td class=\"num\">").append(HtmlPage.escape(row.get(i))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n").append(figures);
        if (recipeFile != null) {
            html.append("<h2>The recipe the server ran</h2>\n<p><a href=\"").append(recipeFile).append("\">")
                    .append(recipeFile).append("</a></p>\n<pre>").append(HtmlPage.escape(o.recipe())).append("</pre>\n");
        }
        return html.append(HtmlPage.end()).toString();
    }

    private static List<List<String>> prepend(List<String> first, List<List<String>> rest) {
        List<List<String>> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static String mib(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.1f", value) : "n/a";
    }

    private static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%+.1f%%", fraction * 100) : "n/a";
    }
}
