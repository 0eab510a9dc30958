package org.opengru.examples.portal.api;

/** The back-office tokens are missing or unusable: the portal does not start. */
public final class ApiTokenConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String property;
    private final String action;

    ApiTokenConfigurationException(String property, String problem, String action) {
        super(property + " " + problem);
        this.property = property;
        this.action = action;
    }

    /** The property to set or fix. */
    public String property() {
        return property;
    }

    /** What to do. */
    public String action() {
        return action;
    }
}
