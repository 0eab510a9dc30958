package org.opengru.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * gru-bom has no parent (a BOM must not leak the build's own management), so it repeats the versions of the
 * third-party libraries it manages: each must be the version the build uses, or a host would run OpenGRU
 * on versions it was never tested with.
 */
class BomVersionsTest {

    private static final Pattern PROPERTY = Pattern.compile("<([a-z0-9.-]+\\.version)>([^<]+)</\\1>");

    @Test
    void theBomManagesTheVersionsTheBuildUses() throws Exception {
        Map<String, String> bom = properties(Path.of("../gru-bom/pom.xml"));
        Map<String, String> build = properties(Path.of("../pom.xml"));
        assertThat(bom)
                .containsKeys(
                        "postgresql.version",
                        "flyway.version",
                        "jackson-bom.version",
                        "jts.version",
                        "metadata-extractor.version",
                        "commons-imaging.version",
                        "bucket4j.version");
        bom.forEach(
                (name, version) -> assertThat(build).as("gru-bom's %s", name).containsEntry(name, version));
    }

    private static Map<String, String> properties(Path pom) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = PROPERTY.matcher(Files.readString(pom));
        while (m.find()) {
            out.put(m.group(1), m.group(2).strip());
        }
        return out;
    }
}
