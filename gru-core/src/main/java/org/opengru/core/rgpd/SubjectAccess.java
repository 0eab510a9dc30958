package org.opengru.core.rgpd;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.opengru.core.id.UsagerId;
import org.opengru.core.tenancy.TenantId;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The usager's rights over their data: {@link #export} (droit d'accès, art. 15 RGPD: everything held, as
 * one JSON document, also the portable copy of art. 20) and {@link #erase} (droit à l'effacement, art.
 * 17, within what the law allows). The caller checks who asks (the usager themselves, or an agent
 * handling their request).
 */
public final class SubjectAccess {

    /** The format tag of the export document. */
    public static final String FORMAT = "opengru-subject-access/1";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Clock clock;
    private final List<SubjectDataContributor> contributors;

    public SubjectAccess(Clock clock, List<SubjectDataContributor> contributors) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.contributors = List.copyOf(contributors);
    }

    /** Everything held on the usager, one section per contributor. */
    public String export(TenantId tenant, UsagerId usager) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("tenant", tenant.value());
        root.put("usager", usager.toString());
        root.put("generatedAt", clock.instant().toString());
        ObjectNode sections = root.putObject("sections");
        for (SubjectDataContributor c : contributors) {
            sections.set(c.section(), JSON.valueToTree(c.collect(tenant, usager)));
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    /** Erases what each module may erase; the report says what was kept and why. */
    public List<ErasureOutcome> erase(TenantId tenant, UsagerId usager) {
        List<ErasureOutcome> outcomes = new ArrayList<>();
        for (SubjectDataContributor c : contributors) {
            outcomes.add(c.erase(tenant, usager));
        }
        return outcomes;
    }
}
