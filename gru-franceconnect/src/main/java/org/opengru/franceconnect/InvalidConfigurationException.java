package org.opengru.franceconnect;

import org.jspecify.annotations.Nullable;

/** A configuration value was refused; names the field and the bad value. */
public final class InvalidConfigurationException extends FranceConnectException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final @Nullable String value;

    public InvalidConfigurationException(String field, @Nullable Object value, String reason) {
        super(field + " = " + (value == null ? "null" : "'" + value + "'") + ": " + reason);
        this.field = field;
        this.value = value == null ? null : String.valueOf(value);
    }

    /** The name of the refused field. */
    public String field() {
        return field;
    }

    /** The refused value as text, {@code null} when it was missing. */
    public @Nullable String value() {
        return value;
    }
}
