package org.opengru.core.acknowledgment;

import org.opengru.core.internal.Checks;

/**
 * What a collectivité sets for its acknowledgments: its name as printed, its template and its voies de
 * recours.
 *
 * @param collectivityName the collectivité's name as printed, at most 300 characters
 * @param template its template
 * @param appeal its voies de recours
 */
public record AcknowledgmentSettings(
        String collectivityName, AcknowledgmentTemplate template, AppealInformation appeal) {

    /**
     * Checks that every part is present.
     *
     * @param collectivityName the collectivité's name as printed, at most 300 characters
     * @param template its template
     * @param appeal its voies de recours
     * @throws org.opengru.core.error.ValidationException naming the missing part
     */
    public AcknowledgmentSettings {
        collectivityName = Checks.text("collectivityName", collectivityName, 300);
        Checks.required("template", template);
        Checks.required("appeal", appeal);
    }

    /**
     * The standard template and generic appeal wording.
     *
     * @param collectivityName the collectivité's name as printed
     * @return the settings
     */
    public static AcknowledgmentSettings standard(String collectivityName) {
        return new AcknowledgmentSettings(
                collectivityName, AcknowledgmentTemplate.standard(), AppealInformation.generic(collectivityName));
    }
}
