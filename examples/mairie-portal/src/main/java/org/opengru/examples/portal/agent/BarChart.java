package org.opengru.examples.portal.agent;

import java.util.List;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/**
 * A horizontal bar chart drawn as SVG on the server: one group of bars per row, the row's label above its
 * bars and each value written at the end of its bar. Widths are percentages and text keeps its size, so the
 * chart reflows down to 320 px instead of shrinking its text. The SVG is decorative for assistive
 * technologies ({@code aria-hidden}): the page gives the same figures in a table next to it.
 *
 * @param series the name and colour of each bar of a row (colours of at least 3:1 against white)
 * @param rows one label and one value per series each
 */
record BarChart(List<Series> series, List<Row> rows) {

    record Series(String name, String colour) {}

    record Row(String label, List<Number> values) {}

    private static final int LABEL = 22;
    private static final int BAR = 18;
    private static final int GAP = 4;
    private static final int AFTER = 14;
    // The longest bar leaves room for its value after it.
    private static final double MAX_WIDTH = 80.0;

    BarChart {
        series = List.copyOf(series);
        rows = List.copyOf(rows);
        for (Row r : rows) {
            if (r.values().size() != series.size()) {
                throw new IllegalArgumentException(
                        "row " + r.label() + " has " + r.values().size() + " values for " + series.size() + " series");
            }
        }
    }

    /** The SVG markup, every text escaped. */
    String svg() {
        double max = rows.stream()
                .flatMap(r -> r.values().stream())
                .mapToDouble(Number::doubleValue)
                .max()
                .orElse(0);
        int legend = LABEL + 8;
        int height = legend + rows.size() * (LABEL + series.size() * (BAR + GAP) + AFTER);
        StringBuilder s = new StringBuilder()
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"100%\" height=\"")
                .append(height)
                .append("\" aria-hidden=\"true\" focusable=\"false\">");
        // Legend: a swatch and the series' name, on one line that wraps to several when narrow is not
        // possible in SVG; the names are short and the table says the same.
        int x = 0;
        for (Series se : series) {
            s.append("<rect x=\"")
                    .append(x)
                    .append("\" y=\"4\" width=\"14\" height=\"14\" fill=\"")
                    .append(se.colour())
                    .append("\"/>")
                    .append("<text x=\"")
                    .append(x + 20)
                    .append("\" y=\"16\">")
                    .append(esc(se.name()))
                    .append("</text>");
            x += 28 + se.name().length() * 8;
        }
        int y = legend;
        for (Row r : rows) {
            s.append("<text x=\"0\" y=\"")
                    .append(y + 16)
                    .append("\" class=\"chart-label\">")
                    .append(esc(r.label()))
                    .append("</text>");
            y += LABEL;
            for (int i = 0; i < series.size(); i++) {
                double v = r.values().get(i).doubleValue();
                double w = max == 0 ? 0 : v / max * MAX_WIDTH;
                s.append("<rect x=\"0\" y=\"")
                        .append(y)
                        .append("\" height=\"")
                        .append(BAR)
                        .append("\" width=\"")
                        .append(pct(w))
                        .append("\" fill=\"")
                        .append(series.get(i).colour())
                        .append("\"/>")
                        .append("<text x=\"")
                        .append(pct(w))
                        .append("\" dx=\"6\" y=\"")
                        .append(y + 14)
                        .append("\">")
                        .append(esc(format(r.values().get(i))))
                        .append("</text>");
                y += BAR + GAP;
            }
            y += AFTER;
        }
        return s.append("</svg>").toString();
    }

    static String format(Number n) {
        if (n instanceof Double d) {
            return String.format(Locale.FRANCE, "%.1f", d);
        }
        return n.toString();
    }

    private static String pct(double w) {
        return String.format(Locale.ROOT, "%.2f%%", w);
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
