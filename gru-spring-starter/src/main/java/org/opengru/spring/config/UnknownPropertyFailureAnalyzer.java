package org.opengru.spring.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Names each unknown {@code gru.*} key and the nearest valid one, so that a typo such as {@code
 * gru.tenants.saint-martin.franceconect.client-id} stops the start instead of leaving FranceConnect off.
 * The valid names are those of the configuration metadata; under {@code gru.tenants.<id>} they are the
 * names of {@code gru.defaults}, which every tenant inherits.
 */
public final class UnknownPropertyFailureAnalyzer
        extends AbstractFailureAnalyzer<UnboundConfigurationPropertiesException> implements Ordered {

    private static final String TENANTS = "gru.tenants.";
    private static final String DEFAULTS = "gru.defaults.";

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE; // before Spring Boot's own analysis, which suggests nothing
    }

    @Override
    protected FailureAnalysis analyze(Throwable root, UnboundConfigurationPropertiesException cause) {
        List<String> unknown = cause.getUnboundProperties().stream()
                .map(ConfigurationProperty::getName)
                .map(Object::toString)
                .filter(n -> n.startsWith("gru."))
                .sorted()
                .toList();
        if (unknown.isEmpty()) {
            return null;
        }
        TreeSet<String> known = knownNames(getClass().getClassLoader());
        StringBuilder description = new StringBuilder("OpenGRU does not know these settings:");
        for (String name : unknown) {
            description.append("\n  - ").append(name);
            nearest(name, known)
                    .ifPresent(
                            n -> description.append(" (did you mean ").append(n).append("?)"));
        }
        return new FailureAnalysis(
                description.toString(),
                "Correct or remove each of them; the settings OpenGRU reads are listed in docs/spring-boot.md"
                        + " (under gru.tenants.<id>, every key of gru.defaults).",
                cause);
    }

    /** The valid name nearest to {@code name} by edit distance, when near enough to be a typo. */
    static Optional<String> nearest(String name, TreeSet<String> known) {
        String prefix = "";
        String rest = name;
        List<String> candidates = new ArrayList<>(known);
        if (name.startsWith(TENANTS) && name.indexOf('.', TENANTS.length()) > 0) {
            int end = name.indexOf('.', TENANTS.length()) + 1;
            prefix = name.substring(0, end);
            rest = name.substring(end);
            candidates = known.stream()
                    .filter(k -> k.startsWith(DEFAULTS))
                    .map(k -> k.substring(DEFAULTS.length()))
                    .collect(Collectors.toList());
        }
        String target = rest;
        Optional<String> best = candidates.stream()
                .min(Comparator.comparingInt((String k) -> distance(target, k)).thenComparing(k -> k));
        String p = prefix;
        return best.filter(b -> distance(target, b) <= Math.max(2, target.length() / 3))
                .map(b -> p + b);
    }

    static TreeSet<String> knownNames(ClassLoader loader) {
        TreeSet<String> names = new TreeSet<>();
        JsonMapper json = JsonMapper.builder().build();
        try {
            Enumeration<URL> files = loader.getResources("META-INF/spring-configuration-metadata.json");
            while (files.hasMoreElements()) {
                try (InputStream in = files.nextElement().openStream()) {
                    for (JsonNode p : json.readTree(in).path("properties")) {
                        String n = p.path("name").asString("");
                        if (n.startsWith("gru.")) {
                            names.add(n);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** Levenshtein distance; a dozen lines are not worth a dependency of the starter. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
