package org.opengru.core.satisfaction.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.opengru.core.id.UsagerId;
import org.opengru.core.satisfaction.SatisfactionAggregate;
import org.opengru.core.satisfaction.SatisfactionStore;
import org.opengru.core.satisfaction.SurveyInvitation;
import org.opengru.core.satisfaction.SurveyResponse;
import org.opengru.core.tenancy.TenantId;

/** Surveys in one JVM's memory. */
public final class InMemorySatisfactionStore implements SatisfactionStore {

    private final Map<UUID, SurveyInvitation> invitations = new LinkedHashMap<>();
    private final Map<String, UUID> bySubject = new HashMap<>();
    private final Map<UUID, SurveyResponse> responses = new LinkedHashMap<>();

    @Override
    public synchronized boolean invite(SurveyInvitation i) {
        String key = i.tenant() + "|" + i.occasion() + "|" + i.subjectId();
        if (bySubject.putIfAbsent(key, i.id()) != null) {
            return false;
        }
        invitations.put(i.id(), i);
        return true;
    }

    @Override
    public synchronized Optional<SurveyInvitation> invitation(TenantId tenant, UUID id) {
        SurveyInvitation i = invitations.get(id);
        return i != null && i.tenant().equals(tenant) ? Optional.of(i) : Optional.empty();
    }

    @Override
    public synchronized boolean answer(SurveyResponse r) {
        return responses.putIfAbsent(r.invitationId(), r) == null;
    }

    @Override
    public synchronized List<SatisfactionAggregate> aggregate(TenantId tenant, Instant from, Instant to) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, SurveyResponse> sample = new HashMap<>();
        for (SurveyResponse r : responses.values()) {
            if (r.tenant().equals(tenant)
                    && !r.answeredAt().isBefore(from)
                    && r.answeredAt().isBefore(to)) {
                String key = r.procedureCode() + "\u0000" + r.channel().name();
                counts.computeIfAbsent(key, k -> new long[5])[r.score() - 1]++;
                sample.putIfAbsent(key, r);
            }
        }
        List<SatisfactionAggregate> out = new ArrayList<>();
        counts.forEach((key, d) -> {
            SurveyResponse r = sample.get(key);
            long n = 0;
            for (long c : d) {
                n += c;
            }
            out.add(new SatisfactionAggregate(r.procedureCode(), r.channel(), n, d));
        });
        out.sort(Comparator.comparing(SatisfactionAggregate::procedureCode)
                .thenComparing(a -> a.channel().name()));
        return out;
    }

    @Override
    public synchronized List<Survey> ofUsager(TenantId tenant, UsagerId usager) {
        return invitations.values().stream()
                .filter(i -> i.tenant().equals(tenant) && i.usager().equals(usager))
                .map(i -> new Survey(i, responses.get(i.id())))
                .toList();
    }

    @Override
    public synchronized int eraseUsager(TenantId tenant, UsagerId usager) {
        List<Survey> theirs = ofUsager(tenant, usager);
        UsagerId nobody = UsagerId.of(new UUID(0, 0));
        for (Survey s : theirs) {
            SurveyInvitation i = s.invitation();
            invitations.put(
                    i.id(),
                    new SurveyInvitation(
                            i.id(),
                            i.tenant(),
                            nobody,
                            i.occasion(),
                            i.subjectId(),
                            i.procedureCode(),
                            i.channel(),
                            i.issuedAt(),
                            i.expiresAt()));
            SurveyResponse r = s.response();
            if (r != null) {
                responses.put(
                        r.invitationId(),
                        new SurveyResponse(
                                r.invitationId(),
                                r.tenant(),
                                r.occasion(),
                                r.procedureCode(),
                                r.channel(),
                                r.score(),
                                null,
                                r.answeredAt()));
            }
        }
        return theirs.size();
    }
}
