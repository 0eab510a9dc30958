package org.opengru.spring.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Stops the start when a {@code gru.*} property refers to a variable that is not set. Spring Boot's binder
 * leaves such a placeholder as it is, so without this check the literal {@code ${GRU_MASTER_KEY}} would
 * reach the code as the value (and be reported as "not Base64", or worse, sent as a client secret).
 * Placeholders with a default ({@code ${X:}}) resolve and pass.
 */
final class GruPlaceholderCheck implements BeanFactoryPostProcessor {

    private static final Pattern UNRESOLVED = Pattern.compile("Could not resolve placeholder '([^']+)'");

    private final ConfigurableEnvironment environment;

    GruPlaceholderCheck(ConfigurableEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> enumerable)) {
                continue;
            }
            for (String name : enumerable.getPropertyNames()) {
                if (!name.startsWith("gru.") || !(enumerable.getProperty(name) instanceof CharSequence raw)) {
                    continue;
                }
                String value = raw.toString();
                if (!value.contains("${")) {
                    continue;
                }
                try {
                    environment.resolveRequiredPlaceholders(value);
                } catch (IllegalArgumentException e) {
                    Matcher m = UNRESOLVED.matcher(String.valueOf(e.getMessage()));
                    throw new UnsetVariableException(name, m.find() ? m.group(1) : value);
                }
            }
        }
    }
}
