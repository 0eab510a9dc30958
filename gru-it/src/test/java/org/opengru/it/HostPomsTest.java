package org.opengru.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The poms docs/getting-started.md tells a host to write, and the mail dependency of docs/channels.md
 * ({@code src/test/resources/host-poms}, shown in the pages through snippet markers), import gru-bom at the version built here, and gru-bom manages every
 * dependency they declare without a version: the plain-Java pom once named a PostgreSQL driver nothing
 * managed, and did not build.
 */
class HostPomsTest {

    @ParameterizedTest
    @ValueSource(strings = {"spring-boot", "plain-java", "mail"})
    void gruBomManagesEveryDependencyTheHostDeclaresWithoutAVersion(String host) throws Exception {
        Element bom = parse(Path.of("../gru-bom/pom.xml"));
        Element pom = parse(Path.of("src/test/resources/host-poms", host, "pom.xml"));
        List<Element> managed = dependencies(child(bom, "dependencyManagement"));
        List<Element> imports = dependencies(child(pom, "dependencyManagement"));
        assertThat(imports).singleElement().satisfies(d -> {
            assertThat(key(d)).isEqualTo("org.opengru:gru-bom");
            assertThat(text(d, "version")).isEqualTo(text(bom, "version"));
            assertThat(text(d, "scope")).isEqualTo("import");
        });
        List<Element> declared = dependencies(pom);
        assertThat(declared).isNotEmpty();
        for (Element d : declared) {
            assertThat(text(d, "version"))
                    .as("%s declares no version of its own", key(d))
                    .isEmpty();
            // Managed by name, or by a BOM of the same group that gru-bom imports (Jackson's).
            assertThat(managed)
                    .as("gru-bom manages %s", key(d))
                    .anySatisfy(m -> assertThat(key(m).equals(key(d))
                                    || ("import".equals(text(m, "scope"))
                                            && text(m, "groupId").equals(text(d, "groupId"))))
                            .isTrue());
        }
    }

    private static Element parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(file.toFile());
        return document.getDocumentElement();
    }

    /** The {@code dependency} elements of {@code parent}'s own {@code dependencies}. */
    private static List<Element> dependencies(Element parent) {
        List<Element> out = new ArrayList<>();
        Element dependencies = parent == null ? null : child(parent, "dependencies");
        if (dependencies != null) {
            NodeList nodes = dependencies.getChildNodes();
            for (int i = 0; i < nodes.getLength(); i++) {
                if (nodes.item(i) instanceof Element e && e.getTagName().equals("dependency")) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? "" : e.getTextContent().strip();
    }

    private static String key(Element dependency) {
        return text(dependency, "groupId") + ":" + text(dependency, "artifactId");
    }
}
