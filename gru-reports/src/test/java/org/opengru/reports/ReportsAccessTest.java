package org.opengru.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.opengru.reports.ReportsFixture.NORD;
import static org.opengru.reports.ReportsFixture.PROPRETE_NORD;
import static org.opengru.reports.ReportsFixture.TENANT;
import static org.opengru.reports.ReportsFixture.VOIRIE;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opengru.core.error.AccessDeniedException;
import org.opengru.core.error.NotFoundException;
import org.opengru.core.id.AgentId;
import org.opengru.core.id.UsagerId;
import org.opengru.core.principal.AgentPrincipal;
import org.opengru.core.principal.Principal;
import org.opengru.core.tenancy.TenantId;

/**
 * The access contract of {@link ReportService}'s agent side, in the style of gru-test's {@code
 * AccessContract}: every public method taking an {@link AgentPrincipal} is run, on a report routed to the
 * team {@code proprete-nord}, as each foreign agent — of another team of the commune, of no team, and of
 * another collectivité with the same agent id and team name. Each call must be refused ({@link
 * AccessDeniedException}, or {@link NotFoundException} where the report does not exist for the caller, in
 * another collectivité) with nothing stored, told or mailed; a listing leaves the report out instead. A
 * bulk change or a merge that also names a report the caller may act on changes neither.
 *
 * <p>Every public method has a row here or an exemption with its reason: a new agent operation without a
 * row fails {@link #everyPublicMethodHasARowOrAnExemption()}.
 */
class ReportsAccessTest {

    private static final TenantId OTHER_TENANT = TenantId.of("commune-75056");

    private static final String OTHER_TEAM_AGENT = "an agent of another team";
    private static final String NO_TEAM_AGENT = "an agent of no team";
    private static final String OTHER_TENANT_AGENT = "an agent of another collectivité";

    /** The agent of the report's team: every row is allowed to them. */
    private static final AgentPrincipal OWNING_AGENT =
            Principal.agent(TENANT, AgentId.of("agent-1"), Set.of(PROPRETE_NORD));

    private static final Map<String, AgentPrincipal> FOREIGN = new LinkedHashMap<>();

    static {
        FOREIGN.put(OTHER_TEAM_AGENT, Principal.agent(TENANT, AgentId.of("mleroy"), Set.of(VOIRIE)));
        FOREIGN.put(NO_TEAM_AGENT, Principal.agent(TENANT, AgentId.of("stagiaire"), Set.of()));
        FOREIGN.put(OTHER_TENANT_AGENT, Principal.agent(OTHER_TENANT, AgentId.of("agent-1"), Set.of(PROPRETE_NORD)));
    }

    /**
     * The fixture: {@code target}, routed to proprete-nord and followed by a resident; {@code twin}, of the
     * same team (the owning agent's other report); {@code light}, routed to voirie (the other team's own);
     * {@code elsewhere}, of proprete-nord in another collectivité (the foreign commune's own).
     */
    private static final class World {
        final ReportsFixture f = new ReportsFixture(ReportStore.inMemory());
        final Reporter claire = Reporter.resident(UsagerId.of(UUID.randomUUID()));
        final Report target = f.service.file(f.draft(claire).at(NORD)).report();
        final Report twin = f.service
                .file(f.draft(Reporter.resident(UsagerId.of(UUID.randomUUID()))).at(ReportsFixture.north(NORD, 10)))
                .report();
        final Report light =
                f.service.file(f.draft(claire).category("eclairage")).report();
        final Report elsewhere = new Report(
                OTHER_TENANT,
                new ReportId(UUID.randomUUID()),
                target.category(),
                target.location(),
                null,
                target.zone(),
                "Ailleurs",
                List.of(),
                ReportStatus.RECEIVED,
                PROPRETE_NORD,
                List.of(),
                target.history(),
                target.createdAt(),
                target.receivedAt(),
                null,
                null,
                0);

        World() {
            f.store.insert(elsewhere);
            assertThat(target.team()).isEqualTo(PROPRETE_NORD);
            assertThat(twin.team()).isEqualTo(PROPRETE_NORD);
            assertThat(light.team()).isEqualTo(VOIRIE);
        }

        /** A report {@code actor} may act on (or, for an agent of no team, one of another team). */
        ReportId own(AgentPrincipal actor) {
            if (!actor.tenant().equals(TENANT)) {
                return elsewhere.id();
            }
            return actor.memberOf(PROPRETE_NORD) ? twin.id() : light.id();
        }

        /** Everything a refused call must leave as it was. */
        List<Object> snapshot() {
            List<Object> s = new ArrayList<>();
            for (Report r : List.of(target, twin, light)) {
                s.add(f.store.find(TENANT, r.id()));
            }
            s.add(f.store.find(OTHER_TENANT, elsewhere.id()));
            s.add(List.copyOf(f.notices));
            s.add(List.copyOf(f.mails));
            return s;
        }
    }

    /** One call of a public method, on the world, as {@code actor}. */
    private record Row(String method, String what, BiFunction<World, AgentPrincipal, Object> call) {}

    private static List<Row> rows() {
        return List.of(
                new Row(
                        "list(AgentPrincipal,ReportQuery)",
                        "the commune's list",
                        (w, a) -> w.f.service.list(a, ReportQuery.all(TENANT))),
                new Row(
                        "list(AgentPrincipal,ReportQuery)",
                        "the commune's list, asking for the report's team",
                        (w, a) -> w.f.service.list(a, ReportQuery.all(TENANT).teams(Set.of(PROPRETE_NORD)))),
                new Row(
                        "list(AgentPrincipal,ReportQuery)",
                        "their own collectivité's list",
                        (w, a) -> w.f.service.list(a, ReportQuery.all(a.tenant()))),
                new Row("report(AgentPrincipal,ReportId)", "read", (w, a) -> w.f.service.report(a, w.target.id())),
                new Row(
                        "changeStatus(AgentPrincipal,ReportId,ReportStatus)",
                        "take",
                        (w, a) -> w.f.service.changeStatus(a, w.target.id(), ReportStatus.IN_PROGRESS)),
                new Row(
                        "changeStatus(AgentPrincipal,List,ReportStatus)",
                        "resolve their own report and this one at once",
                        (w, a) -> w.f.service.changeStatus(a, List.of(w.own(a), w.target.id()), ReportStatus.RESOLVED)),
                new Row(
                        "merge(AgentPrincipal,ReportId,ReportId)",
                        "merge this one into their own",
                        (w, a) -> w.f.service.merge(a, w.target.id(), w.own(a))),
                new Row(
                        "merge(AgentPrincipal,ReportId,ReportId)",
                        "merge their own into this one",
                        (w, a) -> w.f.service.merge(a, w.own(a), w.target.id())));
    }

    /** The public methods that are not the agents', each with why it takes no agent. */
    private static final Map<String, String> EXEMPT = Map.ofEntries(
            Map.entry("settings(TenantId)", "the commune's settings, no report"),
            Map.entry("suggestLocation(TenantId,byte[])", "resident side: reads the resident's own photo"),
            Map.entry("locate(TenantId,String)", "resident side: geocodes a typed address"),
            Map.entry("nearby(TenantId,String,GeoPoint)", "resident side: public fields only (NearbyReport)"),
            Map.entry("file(ReportDraft)", "resident side: files a new report"),
            Map.entry("verify(TenantId,String)", "resident side: the secret link is the credential"),
            Map.entry("support(TenantId,ReportId,Reporter,String)", "resident side: \"+1\" on an open report"),
            Map.entry("publicReports(TenantId,int)", "public page: public fields only (PublicReport)"),
            Map.entry("resolvedBetween(TenantId,Instant,Instant)", "open data: its rows hold no personal data"),
            Map.entry("purge(TenantId)", "the system's daily RGPD purge"),
            Map.entry("export(TenantId,Reporter)", "the reporter's own subject-access export"),
            Map.entry("erase(TenantId,Reporter)", "the reporter's own erasure"));

    @Test
    void everyPublicMethodHasARowOrAnExemption() {
        Set<String> methods = new TreeSet<>();
        Set<String> agents = new TreeSet<>();
        for (Method m : ReportService.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic()) {
                String signature = m.getName() + "("
                        + Arrays.stream(m.getParameterTypes())
                                .map(Class::getSimpleName)
                                .collect(Collectors.joining(","))
                        + ")";
                methods.add(signature);
                if (Arrays.asList(m.getParameterTypes()).contains(AgentPrincipal.class)) {
                    agents.add(signature);
                }
            }
        }
        Set<String> rows = rows().stream().map(Row::method).collect(Collectors.toCollection(TreeSet::new));
        assertThat(rows).as("rows naming no agent operation").isEqualTo(agents);
        assertThat(EXEMPT.keySet()).as("an agent operation cannot be exempt").doesNotContainAnyElementsOf(agents);
        Set<String> covered = new TreeSet<>(rows);
        covered.addAll(EXEMPT.keySet());
        assertThat(covered)
                .as("public ReportService methods without a row or an exemption (an agent operation takes the"
                        + " AgentPrincipal and has a row)")
                .isEqualTo(methods);
    }

    @TestFactory
    Stream<DynamicTest> everyForeignAgentIsRefusedAndNothingChanges() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Row r : rows()) {
            for (Map.Entry<String, AgentPrincipal> who : FOREIGN.entrySet()) {
                tests.add(DynamicTest.dynamicTest(
                        r.method() + ", " + r.what() + ", as " + who.getKey(), () -> refused(r, who.getValue())));
            }
        }
        return tests.stream();
    }

    /** The rows are not refused for everyone: the agent of the report's team does each of them. */
    @TestFactory
    Stream<DynamicTest> theAgentOfTheReportsTeamMayDoEachOfThem() {
        return rows().stream()
                .map(r -> DynamicTest.dynamicTest(r.method() + ", " + r.what(), () -> {
                    World w = new World();
                    List<Object> before = w.snapshot();
                    Object result = r.call().apply(w, OWNING_AGENT);
                    if (result instanceof Collection<?> listing) {
                        assertThat(listing)
                                .as("the team's list")
                                .anyMatch(o -> ((Report) o).id().equals(w.target.id()));
                        assertThat(listing)
                                .as("not another team's")
                                .noneMatch(o -> ((Report) o).id().equals(w.light.id()));
                    } else if (r.method().startsWith("report(")) {
                        assertThat(((Report) result).id()).isEqualTo(w.target.id());
                    } else {
                        assertThat(w.snapshot()).as("written").isNotEqualTo(before);
                    }
                }));
    }

    private static void refused(Row r, AgentPrincipal actor) {
        World w = new World();
        List<Object> before = w.snapshot();
        Object result;
        try {
            result = r.call().apply(w, actor);
        } catch (AccessDeniedException e) {
            assertThat(e.actor()).isEqualTo(actor.toString());
            assertThat(w.snapshot())
                    .as("%s as %s: nothing changed", r.method(), actor)
                    .isEqualTo(before);
            return;
        } catch (NotFoundException e) {
            assertThat(actor.tenant())
                    .as("not found only in another collectivité")
                    .isNotEqualTo(TENANT);
            assertThat(w.snapshot())
                    .as("%s as %s: nothing changed", r.method(), actor)
                    .isEqualTo(before);
            return;
        }
        if (result instanceof Collection<?> listing && r.method().startsWith("list(")) {
            // A listing is filtered rather than refused: the report is not in it.
            assertThat(listing)
                    .as("a foreign listing")
                    .noneMatch(o -> ((Report) o).id().equals(w.target.id())
                            || ((Report) o).id().equals(w.twin.id()));
            assertThat(w.snapshot())
                    .as("%s as %s: nothing changed", r.method(), actor)
                    .isEqualTo(before);
            return;
        }
        fail(r.method() + " (" + r.what() + ") accepted " + actor + " on a report of " + PROPRETE_NORD + " (returned "
                + result + ")");
    }
}
