package org.opengru.spring.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the property reference of {@code docs/spring-boot.md} generated from the configuration metadata the
 * build produces ({@code target/classes/META-INF/spring-configuration-metadata.json}, itself from the
 * properties' Javadoc) and from the Javadoc of the map value types. Fails when the document drifts; run
 * {@code ./mvnw -pl gru-spring-starter test -Dtest=PropertyReferenceTest -Dgru.docs.update=true} to rewrite it.
 */
class PropertyReferenceTest {

    static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");
    static final Path PROPERTIES_SOURCE = Path.of("src/main/java/org/opengru/spring/TenantProperties.java");
    static final Path DOC = Path.of("../docs/spring-boot.md");
    static final String BEGIN = "<!-- BEGIN GENERATED PROPERTY REFERENCE (PropertyReferenceTest) -->";
    static final String END = "<!-- END GENERATED PROPERTY REFERENCE -->";

    @Test
    void theDocumentedReferenceIsTheGeneratedOne() throws IOException {
        String generated = reference();
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        assertThat(begin)
                .as("docs/spring-boot.md must hold the markers " + BEGIN)
                .isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String updated = doc.substring(0, begin + BEGIN.length()) + "\n" + generated + doc.substring(end);
        if (Boolean.getBoolean("gru.docs.update")) {
            Files.writeString(DOC, updated, StandardCharsets.UTF_8);
            return;
        }
        assertThat(doc)
                .as("docs/spring-boot.md is out of date: run ./mvnw -pl gru-spring-starter test"
                        + " -Dtest=PropertyReferenceTest -Dgru.docs.update=true")
                .isEqualTo(updated);
    }

    @Test
    void everyPropertyHasADescription() throws IOException {
        JsonNode metadata = JsonMapper.builder().build().readTree(Files.readString(METADATA));
        List<String> undocumented = new ArrayList<>();
        for (JsonNode p : metadata.get("properties")) {
            if (!p.hasNonNull("description") || p.get("description").asString().isBlank()) {
                undocumented.add(p.get("name").asString());
            }
        }
        assertThat(undocumented).isEmpty();
    }

    static String reference() throws IOException {
        JsonNode metadata = JsonMapper.builder().build().readTree(Files.readString(METADATA));
        Map<String, List<String>> hints = new LinkedHashMap<>();
        for (JsonNode hint : metadata.path("hints")) {
            List<String> values = new ArrayList<>();
            for (JsonNode v : hint.path("values")) {
                values.add("`" + v.get("value").asString() + "`");
            }
            hints.put(hint.get("name").asString(), values);
        }
        StringBuilder out = new StringBuilder();
        out.append("\n### Properties\n\n");
        out.append(
                "Every `gru.defaults.*` key is also a `gru.tenants.<id>.*` key: a tenant inherits what it leaves unset.\n\n");
        out.append("| Property | Type | Default | Description |\n|---|---|---|---|\n");
        for (JsonNode p : metadata.get("properties")) {
            String name = p.get("name").asString();
            String description = text(p.path("description").asString(""));
            List<String> values = hints.getOrDefault(name, List.of());
            if (!values.isEmpty()) {
                description += " Values: " + String.join(", ", values) + ".";
            }
            out.append("| `")
                    .append(name)
                    .append("` | ")
                    .append(type(p.path("type").asString("")))
                    .append(" | ")
                    .append(p.hasNonNull("defaultValue") ? "`" + defaultValue(p.get("defaultValue")) + "`" : "")
                    .append(" | ")
                    .append(description)
                    .append(" |\n");
        }
        String source = Files.readString(PROPERTIES_SOURCE, StandardCharsets.UTF_8);
        for (String[] type : new String[][] {
            {"Contact", "gru.tenants.<id>.teams.<team>.*", "A team (same keys as `contact`)"},
            {"Site", "gru.tenants.<id>.scheduling.sites.<site>.*", "An appointment site"},
            {"ServiceDefinition", "gru.tenants.<id>.scheduling.sites.<site>.services.<service>.*", "A service of a site"
            }
        }) {
            out.append("\n### `")
                    .append(type[1])
                    .append("`\n\n")
                    .append(type[2])
                    .append(".\n\n");
            out.append("| Key | Default | Description |\n|---|---|---|\n");
            String header = header(source, type[0]);
            for (Map.Entry<String, String> param : params(source, type[0]).entrySet()) {
                Matcher d = Pattern.compile("@DefaultValue\\(\"([^\"]*)\"\\)[^,]*?\\b" + param.getKey() + "\\s*[,)]")
                        .matcher(header);
                out.append("| `")
                        .append(kebab(param.getKey()))
                        .append("` | ")
                        .append(d.find() ? "`" + d.group(1) + "`" : "")
                        .append(" | ")
                        .append(text(param.getValue()))
                        .append(" |\n");
            }
        }
        return out.toString();
    }

    /** The component list of {@code record <name>(...)}. */
    static String header(String source, String record) {
        int at = source.indexOf("public record " + record + "(");
        return source.substring(at, source.indexOf(") {", at) + 1);
    }

    /** The {@code @param} lines of the Javadoc just before {@code record <name>(}. */
    static Map<String, String> params(String source, String record) {
        int at = source.indexOf("public record " + record + "(");
        assertThat(at).as("record " + record).isPositive();
        int start = source.lastIndexOf("/**", at);
        String javadoc = source.substring(start, at);
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = Pattern.compile("@param (\\w+) ((?:(?!@param)[\\s\\S])*?)(?=\\s*(?:\\*\\s*@param|\\*/))")
                .matcher(javadoc);
        while (m.find()) {
            params.put(
                    m.group(1), m.group(2).replaceAll("\\s*\\n\\s*\\*\\s*", " ").strip());
        }
        return params;
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    static String type(String javaType) {
        return javaType.replaceAll("[a-z][a-z0-9]*\\.", "")
                .replace("$", ".")
                .replace("<", "&lt;")
                .replace(">", "&gt;");
    }

    static String defaultValue(JsonNode value) {
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(v -> items.add(v.asString()));
            return String.join(",", items);
        }
        return value.asString();
    }

    static String text(String javadoc) {
        String s = javadoc.replaceAll("\\{@code ([^}]*)}", "`$1`")
                .replaceAll("\\{@link ([^}]*)}", "`$1`")
                .replace("|", "\\|")
                .replace("\n", " ");
        s = s.strip();
        if (!s.isEmpty()) {
            s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
            if (!s.endsWith(".")) {
                s += ".";
            }
        }
        return s;
    }
}
