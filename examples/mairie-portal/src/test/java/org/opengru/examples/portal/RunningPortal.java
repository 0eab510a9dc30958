package org.opengru.examples.portal;

import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One running portal (embedded PostgreSQL and documents in a temporary folder) shared by every test class
 * that extends this one: Spring caches the context, so the portal starts once per test run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class RunningPortal {

    static final Path DATA = MairiePortalApplicationTest.tempDirectory();

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("portal.database.directory", () -> DATA.resolve("postgres").toString());
        registry.add(
                "portal.documents.directory", () -> DATA.resolve("documents").toString());
    }
}
