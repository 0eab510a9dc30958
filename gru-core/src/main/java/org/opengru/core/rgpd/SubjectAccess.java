package org.opengru.core.rgpd;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.id.UsagerId;
import org.opengru.core.request.RequestStore;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.UsagerStore;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The usager's rights over their data: {@link #export} (droit d'accès, art. 15 RGPD: everything held, as
 * one JSON document, also the portable copy of art. 20), {@link #exportReadable} (the same in plain French,
 * as an HTML page) and {@link #erase} (droit à l'effacement, art. 17, within what the law allows). The
 * sections cover the data map ({@link DataMap}): each module adds its own contributor. The caller checks
 * who asks (the usager themselves, or an agent handling their request).
 */
public final class SubjectAccess {

    /** The format tag of the export document. */
    public static final String FORMAT = "opengru-subject-access/1";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Clock clock;
    private final UsagerStore usagers;
    private final RequestStore requests;
    private final List<SubjectDataContributor> contributors;

    /**
     * The rights over the data the contributors hold.
     *
     * @param usagers where the usager must exist, in the collectivité asked (else {@link NotFoundException})
     * @param requests to find the received requests under retention that make an erasure wait
     * @param clock the installation's clock (the export's date)
     * @param contributors every module's contributor, in export order
     */
    public SubjectAccess(
            Clock clock, UsagerStore usagers, RequestStore requests, List<SubjectDataContributor> contributors) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.usagers = Objects.requireNonNull(usagers, "usagers");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.contributors = List.copyOf(contributors);
    }

    /**
     * Everything held on the usager, one section per contributor, as JSON (machine-readable, portable).
     *
     * @throws NotFoundException when the collectivité has no such usager (another collectivité's included)
     * @param tenant the collectivité
     * @param usager the usager
     * @return the JSON document
     */
    public String export(TenantId tenant, UsagerId usager) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree(tenant, usager));
    }

    /**
     * The same as {@link #export}, as an HTML page in plain French: each field under its label, dates in
     * the Paris time zone, no field codes. {@link ReadableExport#missingLabels} lists the keys an export
     * holds that no label covers (a test keeps it empty).
     *
     * @param tenant the collectivité
     * @param usager the usager
     * @return the HTML page
     * @throws NotFoundException when the collectivité has no such usager
     */
    public String exportReadable(TenantId tenant, UsagerId usager) {
        return readable().html(tree(tenant, usager));
    }

    /**
     * The same, styled by the host's {@code stylesheet} (a URL; see {@link ReadableExport}).
     *
     * @param tenant the collectivité
     * @param usager the usager
     * @param stylesheet the stylesheet's URL
     * @return the HTML page
     * @throws NotFoundException when the collectivité has no such usager
     */
    public String exportReadable(TenantId tenant, UsagerId usager, String stylesheet) {
        return readable().html(tree(tenant, usager), stylesheet);
    }

    /**
     * The renderer of {@link #exportReadable}, with every contributor's labels.
     *
     * @return the renderer
     */
    public ReadableExport readable() {
        Map<String, String> labels = new LinkedHashMap<>();
        for (SubjectDataContributor c : contributors) {
            labels.putAll(c.labels());
        }
        return ReadableExport.withLabels(labels);
    }

    private ObjectNode tree(TenantId tenant, UsagerId usager) {
        requireKnown(tenant, usager);
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("tenant", tenant.value());
        root.put("usager", usager.toString());
        root.put("generatedAt", clock.instant().toString());
        ObjectNode sections = root.putObject("sections");
        for (SubjectDataContributor c : contributors) {
            sections.set(c.section(), JSON.valueToTree(c.collect(tenant, usager)));
        }
        return root;
    }

    /**
     * Erases what each module holds on the usager. Refused, with nothing changed, while a received request
     * naming them (as applicant or beneficiary) is under retention: the administrative file must be kept
     * (art. 17.3.b RGPD), and erasing around it would leave a file whose applicant no longer exists; the
     * answer says which requests and why. Drafts do not count: they are erased.
     *
     * @throws NotFoundException when the collectivité has no such usager (another collectivité's included)
     * @param tenant the collectivité
     * @param usager the usager
     * @return done, with each module's outcome; or refused, with the requests that make it wait
     */
    public Erasure erase(TenantId tenant, UsagerId usager) {
        requireKnown(tenant, usager);
        List<String> retained = CoreSubjectData.held(requests, tenant, usager).stream()
                .map(CoreSubjectData.Held::request)
                .filter(r -> r.receivedAt() != null)
                .map(r -> r.reference().toString())
                .distinct()
                .toList();
        if (!retained.isEmpty()) {
            return Erasure.refused(retained);
        }
        List<ErasureOutcome> outcomes = new ArrayList<>();
        for (SubjectDataContributor c : contributors) {
            outcomes.add(c.erase(tenant, usager));
        }
        return Erasure.done(outcomes);
    }

    private void requireKnown(TenantId tenant, UsagerId usager) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(usager, "usager");
        if (usagers.find(tenant, usager).isEmpty()) {
            throw new NotFoundException("usager", usager.toString());
        }
    }
}
