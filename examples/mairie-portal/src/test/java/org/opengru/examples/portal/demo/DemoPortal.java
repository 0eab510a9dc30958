package org.opengru.examples.portal.demo;

import org.opengru.examples.portal.MairiePortalApplication;
import org.springframework.boot.SpringApplication;

/**
 * Starts the reference portal with its demo on http://localhost:8080, from the test classpath where the demo
 * lives: {@code ./mvnw -pl examples/mairie-portal -am spring-boot:test-run}. The same portal as the deployed
 * jar ({@link MairiePortalApplication}), plus {@link DemoConfiguration} and its profile: an embedded PostgreSQL
 * under {@code data/}, seeded residents and agents, a local FranceConnect- and ProConnect-shaped provider on
 * port 8081, a local mail server, an API Particulier sandbox and a logiciel métier receiving the webhooks.
 */
public final class DemoPortal {

    private DemoPortal() {}

    public static void main(String[] args) {
        SpringApplication.from(MairiePortalApplication::main)
                .with(DemoConfiguration.class)
                .withAdditionalProfiles("demo")
                .run(args);
    }
}
