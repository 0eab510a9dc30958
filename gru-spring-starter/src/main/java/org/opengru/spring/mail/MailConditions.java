package org.opengru.spring.mail;

import java.util.Map;
import java.util.function.Predicate;
import org.opengru.spring.TenantProperties;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Whether some tenant's mail block (its own or inherited from {@code gru.defaults.mail}) sets a part. */
final class MailConditions {

    private MailConditions() {}

    /** Some tenant has a {@code mail} block. */
    static final class AnyMail extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return outcome(context, "mail", m -> true);
        }
    }

    /** Some tenant has {@code mail.smtp}. */
    static final class AnySmtp extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return outcome(context, "mail.smtp", m -> m.smtp() != null);
        }
    }

    private static ConditionOutcome outcome(
            ConditionContext context, String part, Predicate<TenantProperties.Mail> test) {
        Binder binder = Binder.get(context.getEnvironment());
        TenantProperties.Mail defaults;
        Map<String, TenantProperties> tenants;
        try {
            defaults = binder.bind("gru.defaults.mail", TenantProperties.Mail.class)
                    .orElse(null);
            tenants = binder.bind("gru.tenants", Bindable.mapOf(String.class, TenantProperties.class))
                    .orElse(Map.of());
        } catch (BindException e) {
            // The properties bean fails the start with the whole story; matching lets it be created.
            return ConditionOutcome.match("gru.tenants does not bind: " + e.getMessage());
        }
        TenantProperties base = TenantProperties.empty();
        if (defaults != null) {
            base = new TenantProperties(
                    null, null, null, null, null, null, null, null, null, defaults, null, null, null);
        }
        for (Map.Entry<String, TenantProperties> tenant : tenants.entrySet()) {
            TenantProperties.Mail mail = tenant.getValue().inheritFrom(base).mail();
            if (mail != null && test.test(mail)) {
                return ConditionOutcome.match("gru.tenants." + tenant.getKey() + "." + part + " is set");
            }
        }
        return ConditionOutcome.noMatch("no tenant sets " + part);
    }
}
