package org.opengru.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Code in the docs is code the build compiles and runs: a block preceded by {@code <!-- snippet:
 * path/File.java#tag -->} must be, line for line, the region between {@code // tag::tag[]} and {@code //
 * end::tag[]} of that file (path from the repository root; the common indentation removed). Fails when a
 * block and its source differ; {@code -Dopengru.docs.write=true} rewrites the blocks from the sources. In the
 * getting-started page and the module guides, every Java block must be such a block, or a fragment of
 * {@link #ILLUSTRATIONS} that cannot compile alone, so that the docs cannot drift from the API again.
 */
class DocSnippetsTest {

    private static final Pattern MARKER = Pattern.compile(
            "<!-- snippet: ([^#\\s]+)#([A-Za-z0-9_-]+) -->\\n```([a-z]*)\\n(.*?)```\\n", Pattern.DOTALL);

    /** The pages a vendor copies code from: each Java block comes from a source, or is listed below. */
    private static final List<String> GUIDES = List.of(
            "getting-started.md",
            "core.md",
            "documents.md",
            "scheduling.md",
            "franceconnect.md",
            "api-particulier.md",
            "channels.md",
            "persistence.md",
            "rgpd.md",
            "spring-boot.md",
            "payments.md");

    /**
     * Java blocks of the guides that are not taken from a source, by page and first line, each with the
     * reason: fragments that show a shape (a signature, an elision) and cannot compile alone.
     */
    private static final Map<String, String> ILLUSTRATIONS = Map.ofEntries(Map.entry(
            "scheduling.md: Timeline timeline = Timeline.of(List.of(coreTimelineStore, new AppointmentTimeline(store, service.sites())));",
            "elides gru-core's contributors (...) to show where scheduling's two parts go; the whole list is"
                    + " rgpd.md's subject-access block, taken from PersonalDataCanaryTest"));

    private static final Pattern JAVA_BLOCK = Pattern.compile("(?m)^```java\n(.*)$");

    @Test
    void everyJavaBlockOfTheGuidesIsTakenFromASource() throws IOException {
        Path root = DataMapCatalogueTest.docs().toAbsolutePath().getParent();
        List<String> unmarked = new ArrayList<>();
        List<String> illustrations = new ArrayList<>();
        for (String guide : GUIDES) {
            String text = Files.readString(root.resolve("docs").resolve(guide), StandardCharsets.UTF_8);
            Matcher m = JAVA_BLOCK.matcher(text);
            while (m.find()) {
                String before = text.substring(0, m.start());
                String previousLine = before.substring(before.lastIndexOf('\n', before.length() - 2) + 1);
                boolean marked = previousLine.startsWith("<!-- snippet: ") && previousLine.endsWith(" -->\n");
                String key = guide + ": " + m.group(1).strip();
                boolean listed = ILLUSTRATIONS.containsKey(key);
                if (listed && !marked) {
                    illustrations.add(key);
                } else if (!marked) {
                    unmarked.add(key);
                }
            }
        }
        assertThat(unmarked)
                .as("Java blocks without a <!-- snippet: path#tag --> marker (take them from a test that runs them)")
                .isEmpty();
        List<String> listed = new ArrayList<>(ILLUSTRATIONS.keySet());
        assertThat(listed)
                .as("listed blocks no longer in the docs, or now marked (remove them from the lists)")
                .containsExactlyInAnyOrderElementsOf(illustrations);
    }

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
            // The marker ends the line, after the source's comment opener; XML's comment also closes.
            String l = lines.get(i).strip();
            if (l.endsWith("-->")) {
                l = l.substring(0, l.length() - 3).strip();
            }
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
