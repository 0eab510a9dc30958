package org.opengru.core.rgpd;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Renders a subject-access export as an HTML page in plain French (the human-readable copy of art. 15
 * RGPD): every field under its label, codes under theirs, instants in Europe/Paris, dates in words. A
 * key without a label is shown as it is and listed by {@link #missingLabels}, which a test keeps empty.
 */
public final class ReadableExport {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Locale FRENCH = Locale.FRANCE;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", FRENCH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMMM uuuu 'à' HH'h'mm", FRENCH);
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]+");
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[^ ]+Z");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Map<String, String> SELF = labels(ReadableExport.class, "subject-access-labels.properties");

    /**
     * Under this key the names are the démarche's own fields or a provider's attributes (form data, a
     * data proof's values), chosen by the commune or the source: shown as they are.
     */
    private static final String FREE = "data";

    private final Map<String, String> labels;

    private ReadableExport(Map<String, String> labels) {
        this.labels = labels;
    }

    /**
     * gru-core's labels, then the given ones.
     *
     * @param more the other modules' labels
     * @return the renderer
     */
    public static ReadableExport withLabels(Map<String, String> more) {
        Map<String, String> all = new TreeMap<>(SELF);
        all.putAll(more);
        return new ReadableExport(all);
    }

    /**
     * Labels from a UTF-8 properties file next to {@code owner} (key = label; {@code value.CODE} = label;
     * {@code verbatim.key} = why that key's values, such as a debt reference in capitals, are no codes).
     *
     * @param owner the class next to which the file is
     * @param resource the file's name
     * @return the labels
     * @throws java.io.UncheckedIOException when the file cannot be read
     */
    public static Map<String, String> labels(Class<?> owner, String resource) {
        Properties p = new Properties();
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("labels " + resource + " are missing next to " + owner.getName());
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> out = new TreeMap<>();
        p.forEach((k, v) -> out.put((String) k, (String) v));
        return Map.copyOf(out);
    }

    /**
     * The page.
     *
     * @param export the export, as {@link SubjectAccess#export} writes it
     * @return the HTML page
     */
    public String html(JsonNode export) {
        return html(export, null);
    }

    /**
     * The page, styled by the host's {@code stylesheet} (a URL, or null for none): hosts forbid inline
     * styles (Content-Security-Policy), so the page carries none. It declares the viewport, so that it
     * reflows on a phone instead of being drawn 980 px wide and shrunk.
     *
     * @param export the export
     * @param stylesheet the host's stylesheet URL, or {@code null}
     * @return the HTML page
     */
    public String html(JsonNode export, @org.jspecify.annotations.Nullable String stylesheet) {
        StringBuilder out = new StringBuilder(4096);
        out.append("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        if (stylesheet != null) {
            out.append("<link rel=\"stylesheet\" href=\"")
                    .append(escape(stylesheet))
                    .append("\">\n");
        }
        out.append("<title>Vos données personnelles</title>\n</head>\n<body>\n<main>\n")
                .append("<h1>Les données que nous conservons sur vous</h1>\n<p>Document établi le ")
                .append(escape(scalar(export.path("generatedAt").asString(""))))
                .append(". Il contient tout ce que les services de la commune conservent sur vous, classé par")
                .append(
                        " rubrique. Une copie lisible par un logiciel (format JSON) peut aussi être téléchargée.</p>\n");
        for (Map.Entry<String, JsonNode> section : export.path("sections").properties()) {
            out.append("<section>\n<h2>")
                    .append(escape(label(section.getKey())))
                    .append("</h2>\n");
            value(out, section.getValue());
            out.append("</section>\n");
        }
        return out.append("</main>\n</body>\n</html>\n").toString();
    }

    /**
     * The keys, and upper-case code values, of the export that have no label.
     *
     * @param export the export
     * @return the keys without a label
     */
    public java.util.Set<String> missingLabels(JsonNode export) {
        java.util.Set<String> missing = new TreeSet<>();
        for (Map.Entry<String, JsonNode> section : export.path("sections").properties()) {
            if (!labels.containsKey(section.getKey())) {
                missing.add(section.getKey());
            }
            missing(section.getValue(), missing);
        }
        return missing;
    }

    private void missing(JsonNode node, java.util.Set<String> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (!labels.containsKey(e.getKey())) {
                    out.add(e.getKey());
                }
                // verbatim.KEY: the key's values are references (a debt's, a bank's), not codes to label.
                if (!e.getKey().equals(FREE) && !labels.containsKey("verbatim." + e.getKey())) {
                    missing(e.getValue(), out);
                }
            }
        } else if (node.isArray()) {
            node.forEach(n -> missing(n, out));
        } else if (node.isString() && CODE.matcher(node.asString()).matches()) {
            if (!labels.containsKey("value." + node.asString())) {
                out.add("value." + node.asString());
            }
        }
    }

    private void value(StringBuilder out, JsonNode node) {
        if (node.isObject()) {
            if (node.isEmpty()) {
                out.append("<p>Aucune donnée.</p>\n");
                return;
            }
            out.append("<dl>\n");
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                out.append("<dt>").append(escape(label(e.getKey()))).append("</dt>\n<dd>");
                if (e.getValue().isContainer()) {
                    out.append('\n');
                    value(out, e.getValue());
                } else {
                    out.append(escape(scalar(e.getValue())));
                }
                out.append("</dd>\n");
            }
            out.append("</dl>\n");
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                out.append("<p>Aucun élément.</p>\n");
                return;
            }
            out.append("<ol>\n");
            for (JsonNode item : node) {
                out.append("<li>");
                if (item.isContainer()) {
                    out.append('\n');
                    value(out, item);
                } else {
                    out.append(escape(scalar(item)));
                }
                out.append("</li>\n");
            }
            out.append("</ol>\n");
        } else {
            out.append("<p>").append(escape(scalar(node))).append("</p>\n");
        }
    }

    private String scalar(JsonNode node) {
        if (node.isNull() || node.isMissingNode()) {
            return "non renseigné";
        }
        if (node.isBoolean()) {
            return node.asBoolean() ? "oui" : "non";
        }
        if (node.isBinary() || node.isPojo()) {
            return "fichier (son contenu est dans la copie JSON)";
        }
        return scalar(node.asString());
    }

    private String scalar(String text) {
        if (CODE.matcher(text).matches()) {
            return labels.getOrDefault("value." + text, text);
        }
        try {
            if (INSTANT.matcher(text).matches()) {
                return TIME.format(Instant.parse(text).atZone(PARIS));
            }
            if (DATE.matcher(text).matches()) {
                return DAY.format(LocalDate.parse(text));
            }
        } catch (DateTimeParseException e) {
            return text;
        }
        return text;
    }

    private String label(String key) {
        return labels.getOrDefault(key, key);
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
