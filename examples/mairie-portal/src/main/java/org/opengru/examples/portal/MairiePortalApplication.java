package org.opengru.examples.portal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the reference portal on http://localhost:8080. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MairiePortalApplication {

    public static void main(String[] args) {
        SpringApplication.run(MairiePortalApplication.class, args);
    }
}
