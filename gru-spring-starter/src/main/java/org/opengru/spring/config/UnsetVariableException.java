package org.opengru.spring.config;

/**
 * A {@code gru.*} property refers to an environment variable (or another property) that is not set, such
 * as {@code gru.documents.master-key=${GRU_MASTER_KEY}} started without {@code GRU_MASTER_KEY}.
 */
public final class UnsetVariableException extends IllegalStateException {

    private final String property;
    private final String variable;

    public UnsetVariableException(String property, String variable) {
        super(property + " refers to ${" + variable + "}, which is not set");
        this.property = property;
        this.variable = variable;
    }

    /** The property whose value could not be resolved. */
    public String property() {
        return property;
    }

    /** The environment variable or property that is not set. */
    public String variable() {
        return variable;
    }
}
