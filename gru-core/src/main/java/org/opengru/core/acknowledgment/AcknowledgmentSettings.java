package org.opengru.core.acknowledgment;

import org.opengru.core.internal.Checks;

/**
 * What a collectivité sets for its acknowledgments: its name as printed, its template and its voies de
 * recours.
 */
public record AcknowledgmentSettings(
        String collectivityName, AcknowledgmentTemplate template, AppealInformation appeal) {

    public AcknowledgmentSettings {
        collectivityName = Checks.text("collectivityName", collectivityName, 300);
        Checks.required("template", template);
        Checks.required("appeal", appeal);
    }

    /** The standard template and generic appeal wording. */
    public static AcknowledgmentSettings standard(String collectivityName) {
        return new AcknowledgmentSettings(
                collectivityName, AcknowledgmentTemplate.standard(), AppealInformation.generic(collectivityName));
    }
}
