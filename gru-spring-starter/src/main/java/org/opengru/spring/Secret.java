package org.opengru.spring;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A credential read from the configuration (a client secret, a token, a key): {@link #toString()} is
 * {@code ******}, so that a record holding it, a bind-failure message quoting that record or a log line
 * never shows the value; only {@link #reveal()} does, where the credential is handed to the code that uses
 * it. Spring binds it from a string through {@link #of(String)} (conversion fails only on an unresolved
 * {@code ${...}} placeholder, whose message names the placeholder, never a secret); check its length with {@link MinLength}, not {@code @Size}.
 */
public final class Secret {

    private static final String MASK = "******";
    private static final java.util.regex.Pattern UNRESOLVED = java.util.regex.Pattern.compile("\\$\\{[^}]+}");

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * The secret {@code value}; blank values are allowed here and refused by {@link MinLength}. A value that
     * is a whole {@code ${...}} placeholder (an unset environment variable) is refused.
     */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        if (UNRESOLVED.matcher(value).matches()) {
            // Spring leaves ${VAR} as it is when VAR is unset: the variable's name must never become the secret.
            // The message names the placeholder, which is not the secret.
            throw new IllegalArgumentException(value + " refers to an environment variable that is not set");
        }
        return new Secret(value);
    }

    /** The value itself, for the code that uses the credential; never log or show it. */
    public String reveal() {
        return value;
    }

    /** Whether {@code candidate} is this secret, in a time that does not depend on where they differ. */
    public boolean matches(@Nullable String candidate) {
        return candidate != null
                && MessageDigest.isEqual(
                        candidate.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s && matches(s.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return MASK;
    }

    /**
     * The secret has at least {@code value} characters that are not all blank (1 by default: only
     * "not blank"). A null secret is valid; add {@code @NotNull} when it is required.
     */
    @Documented
    @Constraint(validatedBy = MinLengthValidator.class)
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface MinLength {

        int value() default 1;

        String message() default "must hold at least {value} characters, not all blank (the value is not shown)";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** Checks {@link MinLength}. */
    public static final class MinLengthValidator implements ConstraintValidator<MinLength, Secret> {

        private int min;

        @Override
        public void initialize(MinLength constraint) {
            this.min = constraint.value();
        }

        @Override
        public boolean isValid(@Nullable Secret secret, ConstraintValidatorContext context) {
            return secret == null || (!secret.value.isBlank() && secret.value.length() >= min);
        }
    }
}
