package org.opengru.core.acknowledgment;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.opengru.core.internal.Checks;
import org.opengru.core.tenancy.TenantId;

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

    /**
     * The standard settings of each collectivité, named after its identifier, each built once by the
     * function returned (an acknowledgment is issued on every submission); the cache belongs to that
     * function, so each installation has its own.
     *
     * @return a function giving each collectivité its standard settings
     */
    public static Function<TenantId, AcknowledgmentSettings> standardForEach() {
        Map<TenantId, AcknowledgmentSettings> built = new ConcurrentHashMap<>();
        return tenant -> built.computeIfAbsent(tenant, t -> standard(t.value()));
    }
}
