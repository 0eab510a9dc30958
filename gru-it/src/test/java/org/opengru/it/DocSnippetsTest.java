package org.opengru.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Code in the docs is code the build compiles and runs: a block preceded by {@code <!-- snippet:
 * path/File.java#tag -->} must be, line for line, the region between {@code // tag::tag[]} and {@code //
 * end::tag[]} of that file (path from the repository root; the common indentation removed). Fails when a
 * block and its source differ; {@code -Dopengru.docs.write=true} rewrites the blocks from the sources.
 */
class DocSnippetsTest {

    private static final Pattern MARKER = Pattern.compile(
            "<!-- snippet: ([^#\\s]+)#([A-Za-z0-9_-]+) -->\\n```([a-z]*)\\n(.*?)```\\n", Pattern.DOTALL);

    @Test
    void everyMarkedBlockIsItsSource() throws IOException {
        Path root = DataMapCatalogueTest.docs().toAbsolutePath().getParent();
        List<String> drifted = new ArrayList<>();
        int blocks = 0;
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            for (Path doc :
                    docs.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                String text = Files.readString(doc, StandardCharsets.UTF_8);
                Matcher m = MARKER.matcher(text);
                StringBuilder rewritten = new StringBuilder();
                while (m.find()) {
                    blocks++;
                    String source = region(root.resolve(m.group(1)), m.group(2));
                    if (!source.equals(m.group(4))) {
                        drifted.add(root.relativize(doc) + ": " + m.group(1) + "#" + m.group(2));
                    }
                    m.appendReplacement(
                            rewritten,
                            Matcher.quoteReplacement("<!-- snippet: " + m.group(1) + "#" + m.group(2) + " -->\n```"
                                    + m.group(3) + "\n" + source + "```\n"));
                }
                m.appendTail(rewritten);
                if (Boolean.getBoolean("opengru.docs.write")
                        && !rewritten.toString().equals(text)) {
                    Files.writeString(doc, rewritten.toString(), StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(blocks).as("marked blocks").isPositive();
        assertThat(drifted)
                .as("doc blocks that differ from their source (run with -Dopengru.docs.write=true to rewrite them)")
                .isEmpty();
    }

    /** The lines between the tag's markers, without their common indentation, each ending in a newline. */
    static String region(Path file, String tag) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int begin = -1;
        int end = -1;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.endsWith("tag::" + tag + "[]")) {
                begin = i;
            } else if (l.endsWith("end::" + tag + "[]")) {
                end = i;
            }
        }
        assertThat(begin).as("%s has // tag::%s[]", file, tag).isNotNegative();
        assertThat(end).as("%s has // end::%s[] after its tag", file, tag).isGreaterThan(begin);
        List<String> body = lines.subList(begin + 1, end);
        int indent = body.stream()
                .filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length())
                .min()
                .orElse(0);
        StringBuilder out = new StringBuilder();
        for (String l : body) {
            out.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
        }
        return out.toString();
    }
}
