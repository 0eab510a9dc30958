package org.opengru.spring.franceconnect;

/** A tenant's FranceConnect, ProConnect or API Particulier block is refused by gru-franceconnect. */
public final class InvalidSignInConfigurationException extends IllegalStateException {

    private final String property;

    public InvalidSignInConfigurationException(String property, RuntimeException cause) {
        super(property + ": " + cause.getMessage(), cause);
        this.property = property;
    }

    public String property() {
        return property;
    }
}
