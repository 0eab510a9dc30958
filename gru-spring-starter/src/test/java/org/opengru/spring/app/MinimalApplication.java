package org.opengru.spring.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** An application as a user generates it: no code of its own, only the starter and properties. */
@SpringBootApplication
public class MinimalApplication {}
