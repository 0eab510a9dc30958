package org.opengru.spring.franceconnect;

/** A tenant's sign-in is enabled but its client id (or another required value) is missing. */
public final class MissingClientIdException extends IllegalStateException {

    private final String tenant;
    private final String property;

    public MissingClientIdException(String tenant, String property) {
        super(property + " is required: sign-in is enabled for tenant '" + tenant + "'");
        this.tenant = tenant;
        this.property = property;
    }

    public String tenant() {
        return tenant;
    }

    /** The property to set. */
    public String property() {
        return property;
    }
}
