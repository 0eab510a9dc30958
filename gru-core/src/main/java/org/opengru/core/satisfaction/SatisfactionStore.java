package org.opengru.core.satisfaction;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opengru.core.jdbc.JdbcTransactions;
import org.opengru.core.satisfaction.internal.InMemorySatisfactionStore;
import org.opengru.core.satisfaction.internal.PostgresSatisfactionStore;
import org.opengru.core.tenancy.TenantId;

/** Port: survey invitations and answers. */
public interface SatisfactionStore {

    /** Stores an invitation; {@code false} when one exists for the same tenant, occasion and subject. */
    boolean invite(SurveyInvitation invitation);

    Optional<SurveyInvitation> invitation(TenantId tenant, UUID id);

    /** Stores the answer; {@code false} when the invitation was answered already (first answer stands). */
    boolean answer(SurveyResponse response);

    /** Answers given in {@code [from, to)}, aggregated per démarche and channel, sorted by both. */
    List<SatisfactionAggregate> aggregate(TenantId tenant, Instant from, Instant to);

    static SatisfactionStore inMemory() {
        return new InMemorySatisfactionStore();
    }

    static SatisfactionStore postgres(JdbcTransactions tx) {
        return new PostgresSatisfactionStore(tx);
    }
}
