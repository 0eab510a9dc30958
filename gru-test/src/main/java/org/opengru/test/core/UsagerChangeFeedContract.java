package org.opengru.test.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengru.core.GruCore;
import org.opengru.core.catalogue.FormData;
import org.opengru.core.changes.ChangeCursor;
import org.opengru.core.changes.UsagerChange;
import org.opengru.core.changes.UsagerChangeFeed;
import org.opengru.core.changes.UsagerChanges;
import org.opengru.core.error.AccessDeniedException;
import org.opengru.core.error.ValidationException;
import org.opengru.core.exchange.Visibility;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.RequestId;
import org.opengru.core.id.TeamId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.intake.Channel;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.principal.Principal;
import org.opengru.core.principal.UsagerPrincipal;
import org.opengru.core.request.NewRequest;
import org.opengru.core.request.Request;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.usager.Contact;
import org.opengru.core.usager.Mandate;
import org.opengru.core.usager.Person;
import org.opengru.core.usager.Representations;
import org.opengru.test.MutableClock;

/**
 * The contract of a {@link UsagerChangeFeed}, read through {@link UsagerChanges} as the live follow-up
 * reads it: each change on the usager's requests reported once, none of anyone else's, no internal note,
 * and a change committed after a later one still reported. Extend it with a {@link GruCore} on your stores
 * and the feed that reads them; each test works in a collectivité of its own.
 */
public abstract class UsagerChangeFeedContract {

    protected final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    protected final TenantId tenant =
            TenantId.of("commune-" + UUID.randomUUID().toString().substring(0, 8));

    /** A GruCore on the stores under test, with {@link #clock}. */
    protected abstract GruCore core();

    /** The feed under test, reading what {@code core} writes (created before the first change). */
    protected abstract UsagerChangeFeed feed(GruCore core);

    private GruCore core;
    private UsagerChanges changes;
    private UsagerId claire;
    private UsagerPrincipal me;

    @BeforeEach
    void seed() {
        core = core();
        changes = UsagerChanges.of(feed(core), new Representations(core.usagers(), core.mandates()), clock);
        GruCoreStoresContract.declareTerrace(core, tenant);
        claire = person("Martin");
        me = Principal.usager(tenant, claire);
    }

    private AgentPrincipal agent() {
        return Principal.agent(tenant, AgentId.of("jdupont"), Set.of(TeamId.of("voirie")));
    }

    private UsagerId person(String name) {
        UsagerId id = core.ids().newUsagerId();
        core.usagers().save(Person.declared(id, tenant, name, List.of("Claire"), Contact.none(), clock.instant()));
        return id;
    }

    /** Claire becomes the legal guardian of {@code child}: she follows the child's requests. */
    private Mandate claireGuardianOf(UsagerId child) {
        Mandate guardian = new Mandate(
                UUID.randomUUID(), tenant, child, claire, Mandate.Kind.LEGAL_GUARDIAN, clock.instant(), null, null);
        core.mandates().save(guardian);
        return guardian;
    }

    private Request submitted(UsagerId applicant) {
        UsagerPrincipal who = Principal.usager(tenant, applicant);
        Request draft = core.requests()
                .create(
                        who,
                        NewRequest.of("autorisation-terrasse", applicant, Channel.WEB, FormData.of("surface", 12)),
                        null);
        return core.requests().submit(who, draft.id(), null);
    }

    private static Set<RequestId> requests(List<UsagerChange> list) {
        Set<RequestId> out = new HashSet<>();
        list.forEach(c -> out.add(c.request()));
        return out;
    }

    @Test
    void reportsEachChangeOfTheUsagersRequestsOnceAndNothingElse() {
        ChangeCursor cursor = changes.start(me);
        clock.advance(Duration.ofMinutes(1));
        Request mine = submitted(claire);
        submitted(person("Durand"));

        UsagerChanges.Batch first = changes.after(me, cursor);
        assertThat(first.changes()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.request()).isEqualTo(mine.id());
            assertThat(c.kind()).isEqualTo(UsagerChange.Kind.REQUEST);
        });
        assertThat(first.more()).isFalse();
        assertThat(changes.after(me, first.next()).changes())
                .as("reported once")
                .isEmpty();

        clock.advance(Duration.ofMinutes(1));
        core.exchanges()
                .post(agent(), mine.id(), Visibility.INTERNAL_NOTE, "Voir la voirie", List.of(), Channel.WEB, null);
        assertThat(changes.after(me, first.next()).changes())
                .as("an internal note is no change for the usager")
                .isEmpty();
        core.exchanges().post(agent(), mine.id(), Visibility.SHARED, "Quelle largeur ?", List.of(), Channel.WEB, null);
        UsagerChanges.Batch message = changes.after(me, first.next());
        assertThat(message.changes())
                .singleElement()
                .satisfies(c -> assertThat(c.kind()).isEqualTo(UsagerChange.Kind.MESSAGE))
                .satisfies(c -> assertThat(c.request()).isEqualTo(mine.id()));

        clock.advance(Duration.ofMinutes(1));
        core.requests().startReview(agent(), mine.id(), null);
        core.requests().accept(agent(), mine.id(), null);
        UsagerChanges.Batch decided = changes.after(me, message.next());
        assertThat(decided.changes())
                .extracting(UsagerChange::kind)
                .containsOnly(UsagerChange.Kind.REQUEST)
                .isNotEmpty();
        clock.advance(Duration.ofHours(1));
        assertThat(changes.after(me, decided.next()).changes()).isEmpty();
    }

    @Test
    void aChangeCommittedAfterALaterOneIsStillReportedOnce() {
        Instant start = clock.instant();
        ChangeCursor cursor = changes.start(me);
        clock.set(start.plusSeconds(60));
        Request early = submitted(claire);
        UsagerChanges.Batch seen = changes.after(me, cursor);
        assertThat(requests(seen.changes())).containsExactly(early.id());

        // A slow transaction (or a node whose clock is behind) stamped its change before the one seen, and
        // commits it now.
        clock.set(start.plusSeconds(50));
        Request late = submitted(claire);
        clock.set(start.plusSeconds(61));
        UsagerChanges.Batch next = changes.after(me, seen.next());
        assertThat(requests(next.changes())).containsExactly(late.id());
        assertThat(changes.after(me, next.next()).changes()).isEmpty();
        clock.set(start.plusSeconds(600));
        assertThat(changes.after(me, next.next()).changes()).isEmpty();
    }

    @Test
    void aBurstComesInSeveralReadsEachChangeOnce() {
        ChangeCursor cursor = changes.start(me);
        clock.advance(Duration.ofMinutes(1));
        Set<RequestId> filed = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            filed.add(submitted(claire).id());
            clock.advance(Duration.ofMillis(1));
        }
        List<UsagerChange> all = new ArrayList<>();
        UsagerChanges.Batch batch;
        int reads = 0;
        do {
            batch = changes.after(me, cursor);
            all.addAll(batch.changes());
            cursor = batch.next();
            reads++;
        } while (batch.more() && reads < 20);
        assertThat(reads).isGreaterThan(1);
        assertThat(requests(all)).isEqualTo(filed);
        assertThat(all).extracting(UsagerChange::key).doesNotHaveDuplicates();
        assertThat(all).hasSizeGreaterThan(100);
        assertThat(changes.after(me, cursor).changes()).isEmpty();
    }

    @Test
    void anUsagerFollowsTheirOwnRequestsAndThoseOfWhomTheyActForOnly() {
        UsagerId leo = person("Martin-Junior");
        Mandate guardian = claireGuardianOf(leo);
        UsagerPrincipal bob = Principal.usager(tenant, person("Durand"));
        ChangeCursor claires = changes.start(me);
        ChangeCursor bobs = changes.start(bob);
        clock.advance(Duration.ofMinutes(1));
        Request leos = submitted(leo);

        UsagerChanges.Batch seen = changes.after(me, claires);
        assertThat(requests(seen.changes())).containsExactly(leos.id());
        assertThat(changes.after(bob, bobs).changes()).as("not his").isEmpty();
        assertThat(changes.after(bob, claires).changes())
                .as("another usager's cursor gives only what he may see")
                .isEmpty();
        assertThatThrownBy(() -> changes.start(agent())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> changes.after(agent(), claires)).isInstanceOf(AccessDeniedException.class);

        // The mandate ends: Léo's requests are no longer Claire's to follow.
        clock.advance(Duration.ofMinutes(1));
        core.mandates().save(guardian.revoke(clock.instant()));
        clock.advance(Duration.ofMinutes(1));
        submitted(leo);
        assertThat(changes.after(me, seen.next()).changes()).isEmpty();
    }

    @Test
    void aFollowerReportsEachChangeOnceAndLooksUpWhomTheUsagerActsForEveryMinute() {
        UsagerId leo = person("Martin-Junior");
        Mandate guardian = claireGuardianOf(leo);
        UsagerChanges.Follower follower = changes.follow(me);
        assertThatThrownBy(() -> changes.follow(agent())).isInstanceOf(AccessDeniedException.class);
        clock.advance(Duration.ofSeconds(10));
        Request leos = submitted(leo);
        assertThat(requests(follower.next().changes())).containsExactly(leos.id());
        assertThat(follower.next().changes()).isEmpty();

        // The mandate ends: within a minute the follower no longer reports Léo's requests.
        core.mandates().save(guardian.revoke(clock.instant()));
        clock.advance(UsagerChanges.RECHECK);
        submitted(leo);
        Request mine = submitted(claire);
        assertThat(requests(follower.next().changes())).containsExactly(mine.id());
        assertThat(ChangeCursor.parse(follower.cursor().token())).isEqualTo(follower.cursor());
    }

    @Test
    void theCursorIsAnOpaqueTokenAndAMalformedOneIsRefusedByName() {
        submitted(claire);
        ChangeCursor cursor = changes.start(me);
        assertThat(cursor.seen()).isNotEmpty();
        assertThat(ChangeCursor.parse(cursor.token())).isEqualTo(cursor);
        for (String bad : List.of("", "not base64!", "bm90IGEgY3Vyc29y", "MjAyNnxhLGI")) {
            assertThatThrownBy(() -> ChangeCursor.parse(bad))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("cursor");
        }
    }
}
