package org.opengru.franceconnect.link;

import java.util.List;
import java.util.Objects;
import org.opengru.core.id.UsagerId;
import org.opengru.core.rgpd.ErasureOutcome;
import org.opengru.core.rgpd.SubjectDataContributor;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.UsagerStore;

/**
 * The FranceConnect account links' share of subject access (RGPD art. 15) and erasure (art. 17), in the
 * section {@code franceconnect}. A link follows the identity it points to: erased with it, kept while the
 * identity is kept. Put it after gru-core's contributors ({@code CoreSubjectData}), which decide whether
 * the identity goes:
 *
 * <pre>{@code
 * List<SubjectDataContributor> all = new ArrayList<>(CoreSubjectData.contributors(...));
 * all.add(new AccountLinkSubjectData(links, usagers));
 * }</pre>
 */
public final class AccountLinkSubjectData implements SubjectDataContributor {

    /** Why links are kept. */
    public static final String LEGAL_BASIS = "the FranceConnect link follows the usager's identity, kept while"
            + " a request under retention names it (art. 17.3.b RGPD)";

    private final AccountLinkStore links;
    private final UsagerStore usagers;

    /**
     * A contributor over the links and the usagers (to know whether an identity is kept).
     *
     * @param links the account links
     * @param usagers the usagers
     */
    public AccountLinkSubjectData(AccountLinkStore links, UsagerStore usagers) {
        this.links = Objects.requireNonNull(links, "links");
        this.usagers = Objects.requireNonNull(usagers, "usagers");
    }

    @Override
    public java.util.Map<String, String> labels() {
        return org.opengru.core.rgpd.ReadableExport.labels(getClass(), "subject-access-labels.properties");
    }

    @Override
    public String section() {
        return "franceconnect";
    }

    @Override
    public Object collect(TenantId tenant, UsagerId usager) {
        return links.byUsager(tenant, usager);
    }

    @Override
    public ErasureOutcome erase(TenantId tenant, UsagerId usager) {
        if (usagers.find(tenant, usager).isPresent()) {
            List<AccountLink> kept = links.byUsager(tenant, usager);
            return new ErasureOutcome(section(), 0, kept.size(), kept.isEmpty() ? null : LEGAL_BASIS);
        }
        return new ErasureOutcome(section(), links.deleteByUsager(tenant, usager), 0, null);
    }
}
