package org.opengru.spring.registration;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** An application with no code at all, alone in its package so that scanning finds nothing else. */
@SpringBootApplication
public class EmptyApplication {}
