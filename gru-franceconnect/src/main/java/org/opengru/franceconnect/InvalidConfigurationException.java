package org.opengru.franceconnect;

import org.jspecify.annotations.Nullable;

/** A configuration value was refused; names the field and the bad value. */
public final class InvalidConfigurationException extends FranceConnectException {
    private static final long serialVersionUID = 1L;

    /** The refused field. */
    private final String field;
    /** The refused value as text, or {@code null}. */
    private final @Nullable String value;

    /**
     * Refuses a configuration value.
     *
     * @param field the name of the refused field, as the builder or record names it
     * @param value the refused value, {@code null} when it was missing (a secret is passed masked)
     * @param reason what the value must be
     */
    public InvalidConfigurationException(String field, @Nullable Object value, String reason) {
        super(field + " = " + (value == null ? "null" : "'" + value + "'") + ": " + reason);
        this.field = field;
        this.value = value == null ? null : String.valueOf(value);
    }

    /**
     * The name of the refused field.
     *
     * @return the field's name
     */
    public String field() {
        return field;
    }

    /**
     * The refused value as text, {@code null} when it was missing.
     *
     * @return the value as text, or {@code null}
     */
    public @Nullable String value() {
        return value;
    }
}
