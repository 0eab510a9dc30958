package org.opengru.core.rgpd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.opengru.core.contact.ContactLog;
import org.opengru.core.exchange.ExchangeStore;
import org.opengru.core.exchange.Message;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.notification.NotificationPreferenceStore;
import org.opengru.core.notification.NotificationStore;
import org.opengru.core.notification.inbox.InboxStore;
import org.opengru.core.request.Request;
import org.opengru.core.request.RequestQuery;
import org.opengru.core.request.RequestStore;
import org.opengru.core.satisfaction.SatisfactionStore;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.timeline.TimelineStore;
import org.opengru.core.usager.Household;
import org.opengru.core.usager.MandateStore;
import org.opengru.core.usager.UsagerStore;

/** gru-core's contributors to the subject-access export and to erasure. */
public final class CoreSubjectData {

    /** Why received requests are kept on an erasure request. */
    public static final String REQUESTS_LEGAL_BASIS = "art. 17.3.b RGPD: legal retention obligation of the"
            + " administrative file (Code du patrimoine, L212-1 and following) until its retention period ends;"
            + " the purge job then purges or anonymises it";

    /** Why consents are kept. */
    public static final String CONSENTS_LEGAL_BASIS =
            "art. 7.1 RGPD: the controller must be able to prove consent and its withdrawal";

    /** A page large enough for everything one usager has (the export is not paged). */
    private static final int EVERYTHING = 100_000;

    private CoreSubjectData() {}

    /**
     * The usager's identity, requests (with history), timeline and consents. {@code retention} may be null
     * when no retention store is wired (drafts then stay until the purge job).
     *
     * @param usagers the usagers
     * @param requests the requests
     * @param timeline the timeline's own lines
     * @param consents the consent ledger
     * @param retention the retention store, or {@code null}
     * @return the contributors, in export order
     */
    public static List<SubjectDataContributor> contributors(
            UsagerStore usagers,
            RequestStore requests,
            TimelineStore timeline,
            ConsentLedger consents,
            @Nullable RetentionStore retention) {
        return List.of(
                usager(usagers, retention), requests(requests, retention), timeline(timeline), consents(consents));
    }

    static SubjectDataContributor usager(UsagerStore usagers, @Nullable RetentionStore retention) {
        return new SubjectDataContributor() {
            @Override
            public String section() {
                return "usager";
            }

            @Override
            public Object collect(TenantId tenant, UsagerId usager) {
                return usagers.find(tenant, usager).<Object>map(u -> u).orElse(Map.of());
            }

            @Override
            public ErasureOutcome erase(TenantId tenant, UsagerId usager) {
                // A request kept under its retention period names the usager: the identity stays with it,
                // and a new erasure request succeeds once the purge job has ended those periods. Drafts
                // do not count: the requests section purges them.
                if (retention == null || !retention.retained(tenant, usager).isEmpty()) {
                    return new ErasureOutcome(section(), 0, 1, REQUESTS_LEGAL_BASIS);
                }
                // The households' documents list their members: they lose this one before it goes.
                for (Household h : usagers.householdsOf(tenant, usager)) {
                    usagers.save(new Household(
                            h.id(),
                            h.tenant(),
                            h.label(),
                            h.members().stream()
                                    .filter(m -> !m.person().equals(usager))
                                    .toList(),
                            h.contact()));
                }
                return new ErasureOutcome(section(), usagers.delete(tenant, usager) ? 1 : 0, 0, null);
            }
        };
    }

    static SubjectDataContributor requests(RequestStore store, @Nullable RetentionStore retention) {
        return new SubjectDataContributor() {
            @Override
            public String section() {
                return "requests";
            }

            /** The usager's own requests, then those filed on their behalf. */
            @Override
            public Object collect(TenantId tenant, UsagerId usager) {
                List<Map<String, Object>> out = new ArrayList<>();
                for (Held h : held(store, tenant, usager)) {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("role", h.role());
                    item.put("request", h.request());
                    item.put("history", store.history(tenant, h.request().id()));
                    out.add(item);
                }
                return out;
            }

            @Override
            public ErasureOutcome erase(TenantId tenant, UsagerId usager) {
                if (retention == null) {
                    return new ErasureOutcome(section(), 0, -1, REQUESTS_LEGAL_BASIS);
                }
                List<RequestId> drafts = retention.drafts(tenant, usager);
                for (RequestId id : drafts) {
                    retention.purge(tenant, id);
                }
                int kept = retention.retained(tenant, usager).size();
                return new ErasureOutcome(section(), drafts.size(), kept, kept == 0 ? null : REQUESTS_LEGAL_BASIS);
            }
        };
    }

    static SubjectDataContributor timeline(TimelineStore timeline) {
        return SubjectDataContributor.of(
                "timeline",
                timeline::all,
                (tenant, usager) -> new ErasureOutcome("timeline", timeline.eraseUsager(tenant, usager), 0, null));
    }

    /** A request the usager is named in, and as what ({@code applicant} or {@code beneficiary}). */
    record Held(String role, Request request) {}

    /** The usager's own requests, then those filed for them, every status. */
    static List<Held> held(RequestStore store, TenantId tenant, UsagerId usager) {
        List<Held> out = new ArrayList<>();
        held(out, "applicant", q -> store.byApplicants(tenant, Set.of(usager), q));
        held(out, "beneficiary", q -> store.byBeneficiaries(tenant, Set.of(usager), q));
        return out;
    }

    private static void held(
            List<Held> out, String role, java.util.function.Function<RequestQuery, List<Request>> pages) {
        RequestQuery query = new RequestQuery(Set.of(), null, 500);
        while (true) {
            List<Request> page = pages.apply(query);
            page.forEach(r -> out.add(new Held(role, r)));
            if (page.size() < query.limit()) {
                return;
            }
            query = query.after(page.get(page.size() - 1).id());
        }
    }

    /**
     * The threads of the usager's requests, both ways, agents' internal notes included (they concern the
     * usager: art. 15 RGPD), with who read each message. They end with their request: a draft's with the
     * draft (the {@code requests} section), a received request's at the end of its retention.
     *
     * @param requests the requests, to find the usager's
     * @param exchanges the threads
     * @return the contributor of section {@code messages}
     */
    public static SubjectDataContributor messages(RequestStore requests, ExchangeStore exchanges) {
        return SubjectDataContributor.of(
                "messages",
                (tenant, usager) -> {
                    List<Map<String, Object>> out = new ArrayList<>();
                    for (Held h : held(requests, tenant, usager)) {
                        for (Message m : exchanges.thread(tenant, h.request().id())) {
                            Map<String, Object> item = new LinkedHashMap<>();
                            item.put("request", h.request().reference());
                            item.put("message", m);
                            item.put("readBy", exchanges.receipts(tenant, m.id()));
                            out.add(item);
                        }
                    }
                    return out;
                },
                // With the drafts, in the requests section; a received request's at the end of its retention.
                (tenant, usager) -> new ErasureOutcome("messages", 0, 0, null));
    }

    /**
     * Notifications sent to the usager, their in-app inbox and their preferences; all erased.
     *
     * @param notifications the notifications sent
     * @param inbox the in-app inbox
     * @param preferences the notification preferences
     * @return the contributor of section {@code notifications}
     */
    public static SubjectDataContributor notifications(
            NotificationStore notifications, InboxStore inbox, NotificationPreferenceStore preferences) {
        return SubjectDataContributor.of(
                "notifications",
                (tenant, usager) -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("sent", notifications.byUsager(tenant, usager, null, EVERYTHING));
                    out.put("inbox", inbox.page(tenant, usager, null, EVERYTHING));
                    out.put(
                            "preferences",
                            preferences.find(tenant, usager).<Object>map(p -> p).orElse(Map.of()));
                    return out;
                },
                (tenant, usager) -> new ErasureOutcome(
                        "notifications",
                        notifications.eraseUsager(tenant, usager)
                                + inbox.eraseUsager(tenant, usager)
                                + (preferences.delete(tenant, usager) ? 1 : 0),
                        0,
                        null));
    }

    /**
     * Calls, visits and mails recorded about the usager; all erased.
     *
     * @param log the contact log
     * @return the contributor of section {@code contacts}
     */
    public static SubjectDataContributor contacts(ContactLog log) {
        return SubjectDataContributor.of(
                "contacts",
                (tenant, usager) -> log.byUsager(tenant, usager, null, EVERYTHING),
                (tenant, usager) -> new ErasureOutcome("contacts", log.eraseUsager(tenant, usager), 0, null));
    }

    /**
     * Satisfaction surveys and answers; erasure detaches them (the score stays, anonymous).
     *
     * @param store the survey store
     * @return the contributor of section {@code satisfaction}
     */
    public static SubjectDataContributor satisfaction(SatisfactionStore store) {
        return SubjectDataContributor.of(
                "satisfaction",
                store::ofUsager,
                (tenant, usager) -> new ErasureOutcome("satisfaction", store.eraseUsager(tenant, usager), 0, null));
    }

    /**
     * Mandates where the usager acts for someone or someone acts for them; all erased.
     *
     * @param store the mandate store
     * @return the contributor of section {@code mandates}
     */
    public static SubjectDataContributor mandates(MandateStore store) {
        return SubjectDataContributor.of(
                "mandates",
                (tenant, usager) -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("actsFor", store.byRepresentative(tenant, usager));
                    out.put("representedBy", store.byRepresented(tenant, usager));
                    return out;
                },
                (tenant, usager) -> new ErasureOutcome("mandates", store.eraseUsager(tenant, usager), 0, null));
    }

    static SubjectDataContributor consents(ConsentLedger ledger) {
        return SubjectDataContributor.of(
                "consents",
                ledger::history,
                (tenant, usager) -> new ErasureOutcome(
                        "consents", 0, ledger.history(tenant, usager).size(), CONSENTS_LEGAL_BASIS));
    }
}
