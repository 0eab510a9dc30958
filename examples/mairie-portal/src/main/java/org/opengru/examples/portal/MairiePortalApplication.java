package org.opengru.examples.portal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts the reference portal on http://localhost:8080. */
@SpringBootApplication
public class MairiePortalApplication {

    public static void main(String[] args) {
        SpringApplication.run(MairiePortalApplication.class, args);
    }
}
