package org.opengru.spring.config;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;

/** Checks {@code gru.*} before any OpenGRU bean is built (see {@link GruPlaceholderCheck}). */
@AutoConfiguration
public class GruConfigurationAutoConfiguration {

    @Bean
    static BeanFactoryPostProcessor gruPlaceholderCheck(ConfigurableEnvironment environment) {
        return new GruPlaceholderCheck(environment);
    }
}
