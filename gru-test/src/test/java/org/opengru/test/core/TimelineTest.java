package org.opengru.test.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengru.core.error.ValidationException;
import org.opengru.core.id.UsagerId;
import org.opengru.core.jdbc.PostgresPersistence;
import org.opengru.core.request.Request;
import org.opengru.core.tenancy.TenantId;
import org.opengru.core.timeline.Timeline;
import org.opengru.core.timeline.TimelineContributor;
import org.opengru.core.timeline.TimelineCursor;
import org.opengru.core.timeline.TimelineEntry;
import org.opengru.core.timeline.TimelinePage;
import org.opengru.core.timeline.TimelineStore;
import org.opengru.test.postgres.EmbeddedPostgresExtension;
import org.opengru.test.postgres.PostgresDatabase;

@ExtendWith(EmbeddedPostgresExtension.class)
class TimelineTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private final PostgresPersistence pg;

    TimelineTest(PostgresDatabase db) {
        pg = PostgresPersistence.builder(db.dataSource(), Clock.systemUTC())
                .outboxSubscribers(Set.of("logiciel-metier"))
                .build();
        pg.migrate();
    }

    private static List<TimelineEntry> fill(TimelineStore store, TenantId tenant, UsagerId usager, int n) {
        List<TimelineEntry> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // Several entries share an instant: the entry id breaks the tie.
            TimelineEntry e = new TimelineEntry(
                    tenant,
                    usager,
                    T0.plus(Duration.ofMinutes(i / 3)),
                    "core:" + String.format("%04d", i),
                    "core",
                    "request.SUBMIT",
                    "r" + i,
                    "WEB",
                    "entrée " + i);
            store.append(e);
            all.add(e);
        }
        return all;
    }

    /**
     * Every page of an usager's timeline, {@code limit} lines at a time, following each page's cursor; stops
     * after {@code maxPages + 1} pages should a keyset not advance.
     */
    private static List<TimelineEntry> walk(
            Timeline timeline, TenantId tenant, UsagerId usager, int limit, int maxPages) {
        List<TimelineEntry> walked = new ArrayList<>();
        TimelineCursor cursor = null;
        int pages = 0;
        do {
            TimelinePage page = timeline.page(tenant, usager, cursor, limit);
            walked.addAll(page.entries());
            cursor = page.next() == null
                    ? null
                    : TimelineCursor.parse(page.next().token());
            pages++;
        } while (cursor != null && pages <= maxPages);
        return walked;
    }

    /** Appointments of another module, contributed from a list: the extension point. */
    private static TimelineContributor appointments(List<TimelineEntry> entries) {
        return (tenant, usager, before, limit) -> entries.stream()
                .filter(e -> e.tenant().equals(tenant) && e.usager().equals(usager) && e.isBefore(before))
                .sorted(TimelineEntry.NEWEST_FIRST)
                .limit(limit)
                .toList();
    }

    private void walksEveryEntryOnceNewestFirst(TimelineStore store) {
        TenantId tenant = TenantId.of("commune-timeline");
        UsagerId usager = UsagerId.of(UUID.randomUUID());
        List<TimelineEntry> expected = new ArrayList<>(fill(store, tenant, usager, 95));
        fill(store, tenant, UsagerId.of(UUID.randomUUID()), 10);
        List<TimelineEntry> rdv = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            rdv.add(new TimelineEntry(
                    tenant,
                    usager,
                    T0.plus(Duration.ofMinutes(5L * i)).plusSeconds(30),
                    "scheduling:" + i,
                    "scheduling",
                    "appointment.booked",
                    "a" + i,
                    "COUNTER",
                    "rendez-vous " + i));
        }
        expected.addAll(rdv);
        expected.sort(TimelineEntry.NEWEST_FIRST);
        Timeline timeline = Timeline.of(List.of(store, appointments(rdv)));

        List<TimelineEntry> walked = new ArrayList<>();
        TimelineCursor cursor = null;
        int pages = 0;
        do {
            TimelinePage page = timeline.page(tenant, usager, cursor, 20);
            walked.addAll(page.entries());
            cursor = page.next() == null
                    ? null
                    : TimelineCursor.parse(page.next().token());
            pages++;
        } while (cursor != null);

        assertThat(walked).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(6);
    }

    @Test
    void pagesAMergedTimelineNewestFirstInMemory() {
        walksEveryEntryOnceNewestFirst(TimelineStore.inMemory());
    }

    @Test
    void pagesAMergedTimelineNewestFirstInPostgres() {
        walksEveryEntryOnceNewestFirst(pg.timelineStore());
    }

    /**
     * Entries that share an instant come in entry-id order, whatever order they were written in, and a page
     * that ends inside such a group continues with the next one: a query ordered by time alone returns ties
     * in the order the rows happen to be read (here not the ids' order), so lines come out of order, twice or
     * never. Four entries per instant, written in a shuffled order, read three at a time.
     */
    private void walksEntriesOfOneInstantInEntryIdOrderWhateverTheirWriteOrder(TimelineStore store) {
        TenantId tenant = TenantId.of("commune-timeline-ties");
        UsagerId usager = UsagerId.of(UUID.randomUUID());
        List<TimelineEntry> expected = new ArrayList<>();
        java.util.Random shuffle = new java.util.Random(22);
        for (int instant = 0; instant < 8; instant++) {
            List<Integer> ids = new ArrayList<>(List.of(0, 1, 2, 3));
            java.util.Collections.shuffle(ids, shuffle);
            if (instant % 2 == 0) {
                // Half the groups written newest id first: the reverse of what a backward index scan returns.
                ids.sort(java.util.Comparator.reverseOrder());
            }
            for (int id : ids) {
                TimelineEntry e = new TimelineEntry(
                        tenant,
                        usager,
                        T0.plus(Duration.ofMinutes(instant)),
                        "core:tie:" + instant + ":" + id,
                        "core",
                        "note",
                        null,
                        null,
                        "égalité " + instant + "/" + id);
                store.append(e);
                expected.add(e);
            }
        }
        expected.sort(TimelineEntry.NEWEST_FIRST);
        Timeline timeline = Timeline.of(List.of(store));
        assertThat(walk(timeline, tenant, usager, 3, expected.size())).containsExactlyElementsOf(expected);
    }

    @Test
    void walksEntriesOfOneInstantInEntryIdOrderInMemory() {
        walksEntriesOfOneInstantInEntryIdOrderWhateverTheirWriteOrder(TimelineStore.inMemory());
    }

    @Test
    void walksEntriesOfOneInstantInEntryIdOrderInPostgres() {
        walksEntriesOfOneInstantInEntryIdOrderWhateverTheirWriteOrder(pg.timelineStore());
    }

    /**
     * The same for request events in the log, whose index orders an instant's events by usager and time only
     * (V20): four drafts per instant filed in the reverse order of their ids (so a backward scan of the index
     * returns them oldest id first), read three lines at a time. Without the entry id in the events' own
     * ORDER BY, the page takes the wrong events of an instant and the next page starts after the ones left
     * out: lines are lost.
     */
    @Test
    void walksRequestEventsOfOneInstantInEntryIdOrderWhateverTheirFilingOrderInPostgres() {
        RequestFixtures fixtures = new RequestFixtures();
        UsagerId applicant = UsagerId.of(UUID.randomUUID());
        List<TimelineEntry> expected = new ArrayList<>();
        for (int instant = 0; instant < 6; instant++) {
            List<org.opengru.core.request.RequestChange> drafts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                drafts.add(fixtures.draft(applicant, T0.plus(Duration.ofMinutes(instant)), null));
            }
            for (int i = drafts.size() - 1; i >= 0; i--) {
                org.opengru.core.request.RequestChange filed = drafts.get(i);
                Request draft = pg.requestStore().apply(filed).request();
                expected.add(org.opengru.core.outbox.RecordingRequestStore.timelineEntry(
                        draft, filed.history().get(0)));
            }
        }
        expected.sort(TimelineEntry.NEWEST_FIRST);
        Timeline timeline = Timeline.of(List.of(pg.timelineStore()));
        assertThat(walk(timeline, fixtures.tenant(), applicant, 3, expected.size()))
                .containsExactlyElementsOf(expected);
    }

    /**
     * A request's lines are its events in the log, merged with what other modules append by one keyset:
     * walked page by page, every line comes once, newest first, as the line the request store wrote before
     * the log (same id, kind and summary), including lines that share an instant across both tables.
     */
    @Test
    void pagesRequestEventsAndAppendedLinesWithOneKeysetInPostgres() {
        RequestFixtures fixtures = new RequestFixtures();
        TenantId tenant = fixtures.tenant();
        UsagerId applicant = UsagerId.of(UUID.randomUUID());
        List<TimelineEntry> expected = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // Three requests filed at each instant, and one line of another module at the same instant.
            Instant at = T0.plus(Duration.ofMinutes(i / 3));
            org.opengru.core.request.RequestChange filed = fixtures.draft(applicant, at, null);
            Request draft = pg.requestStore().apply(filed).request();
            expected.add(org.opengru.core.outbox.RecordingRequestStore.timelineEntry(
                    draft, filed.history().get(0)));
            if (i % 2 == 0) {
                org.opengru.core.request.RequestChange sent = fixtures.submit(draft, at.plusSeconds(60), null);
                Request submitted = pg.requestStore().apply(sent).request();
                expected.add(org.opengru.core.outbox.RecordingRequestStore.timelineEntry(
                        submitted, sent.history().get(0)));
            }
            TimelineEntry other = new TimelineEntry(
                    tenant, applicant, at, "core:other:" + i, "core", "note", null, null, "autre " + i);
            pg.timelineStore().append(other);
            expected.add(other);
        }
        pg.requestStore().apply(fixtures.draft(UsagerId.of(UUID.randomUUID()), T0, null));
        expected.sort(TimelineEntry.NEWEST_FIRST);

        Timeline timeline = Timeline.of(List.of(pg.timelineStore()));
        assertThat(walk(timeline, tenant, applicant, 5, expected.size())).containsExactlyElementsOf(expected);
    }

    @Test
    void theRequestStoreWritesTheApplicantsTimelineInTheSameTransaction() {
        RequestFixtures fixtures = new RequestFixtures();
        UsagerId applicant = UsagerId.of(UUID.randomUUID());
        Request draft =
                pg.requestStore().apply(fixtures.draft(applicant, T0, null)).request();
        pg.requestStore().apply(fixtures.submit(draft, T0.plusSeconds(60), null));

        List<TimelineEntry> entries = pg.timelineStore().all(fixtures.tenant(), applicant);
        assertThat(entries).extracting(TimelineEntry::kind).containsExactly("request.SUBMIT", "request.CREATE");
        assertThat(entries)
                .allSatisfy(e -> assertThat(e.subjectId()).isEqualTo(draft.id().toString()));
    }

    @Test
    void refusesABadCursorOrLimit() {
        Timeline timeline = Timeline.of(List.of(TimelineStore.inMemory()));
        assertThatThrownBy(() -> TimelineCursor.parse("not-a-cursor")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> timeline.page(TenantId.of("t"), UsagerId.of(UUID.randomUUID()), null, 0))
                .isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.field()).isEqualTo("limit"));
    }
}
