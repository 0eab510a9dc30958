package org.opengru.reports;

import org.opengru.core.error.ValidationException;

/**
 * A kind of problem the commune takes reports of, such as {@code depot-sauvage} « Dépôt sauvage ».
 *
 * @param code a lower-case slug
 * @param label what the resident reads
 */
public record ReportCategory(String code, String label) {

    /**
     * Checks the code's form and the label.
     *
     * @param code a lower-case slug
     * @param label what the resident reads
     * @throws org.opengru.core.error.ValidationException naming {@code category.code} or {@code category.label}
     */
    public ReportCategory {
        if (code == null || !Zone.CODE.matcher(code).matches()) {
            throw new ValidationException("category.code", code, "must match " + Zone.CODE.pattern());
        }
        if (label == null || label.isBlank() || label.length() > 200) {
            throw new ValidationException("category.label", label, "must be 1 to 200 characters");
        }
    }
}
