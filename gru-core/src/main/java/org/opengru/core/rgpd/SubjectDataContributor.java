package org.opengru.core.rgpd;

import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;

/**
 * Extension point: one module's share of what is held on an usager, for the subject-access export and
 * for erasure. gru-core contributes the usager, requests, timeline and consents ({@link
 * CoreSubjectData}); other modules (documents, appointments) add theirs.
 */
public interface SubjectDataContributor {

    /**
     * The section name in the export, such as {@code requests}.
     *
     * @return the section's name
     */
    String section();

    /**
     * Everything this module holds on the usager, as a value Jackson can write (records, maps, lists).
     *
     * @param tenant the collectivité
     * @param usager the usager
     * @return the section's content
     */
    Object collect(TenantId tenant, UsagerId usager);

    /**
     * French labels for the keys (and upper-case code values, as {@code value.CODE}) this section's export
     * holds, for {@link SubjectAccess#exportReadable}; {@link ReadableExport#labels} loads them from a
     * properties file of the module.
     *
     * @return the labels by key
     */
    default java.util.Map<String, String> labels() {
        return java.util.Map.of();
    }

    /**
     * Erases what the law allows and says what it kept and why. Keeps everything by default.
     *
     * @param tenant the collectivité
     * @param usager the usager erased
     * @return what was erased and kept
     */
    default ErasureOutcome erase(TenantId tenant, UsagerId usager) {
        return new ErasureOutcome(section(), 0, -1, "not erasable through this module");
    }

    /**
     * A contributor from its section's name and two functions.
     *
     * @param erase what erasure does to the section, saying what it erased and kept
     * @param section the section's name
     * @param collect what the module holds on an usager
     * @return the contributor
     */
    static SubjectDataContributor of(
            String section,
            java.util.function.BiFunction<TenantId, UsagerId, Object> collect,
            java.util.function.BiFunction<TenantId, UsagerId, ErasureOutcome> erase) {
        java.util.Objects.requireNonNull(section, "section");
        java.util.Objects.requireNonNull(collect, "collect");
        java.util.Objects.requireNonNull(erase, "erase");
        return new SubjectDataContributor() {
            @Override
            public String section() {
                return section;
            }

            @Override
            public Object collect(TenantId tenant, UsagerId usager) {
                return collect.apply(tenant, usager);
            }

            @Override
            public ErasureOutcome erase(TenantId tenant, UsagerId usager) {
                return erase.apply(tenant, usager);
            }
        };
    }
}
