package cn.nanning.civic.indicators;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes a small known data set straight into the modules' tables (valid rows, as their own code would write them):
 * councils and 四议两公开 registers, volunteers, stations, teams and population figures, service points and proxy
 * requests, legal service places, bookings and legal-aid applications — in a township nobody else's tests touched.
 */
@Singleton
public class IndicatorFixture {

    @Inject
    JdbcOperations jdbc;

    @Inject
    TransactionOperations<Connection> tx;

    /**
     * A township with at least {@code villages} villages where no module holds any data yet. Other modules' tests in the
     * same database write into random villages; 138 townships leave plenty untouched.
     */
    public String emptyTownship(int villages) {
        String code = string("""
                select t.code from kernel.region t where t.level = 'township'
                  and (select count(*) from kernel.region v where v.parent_code = t.code and v.level = 'village') >= ?
                  and not exists (select 1 from council.council where region_code like t.code || '%')
                  and not exists (select 1 from volunteers.volunteer where home_region like t.code || '%')
                  and not exists (select 1 from volunteers.station where township_code = t.code)
                  and not exists (select 1 from volunteers.team where township_code = t.code)
                  and not exists (select 1 from volunteers.region_population where code like t.code || '%')
                  and not exists (select 1 from proxy.service_point where region_code like t.code || '%')
                  and not exists (select 1 from proxy.proxy_request where region_code like t.code || '%')
                  and not exists (select 1 from appointments.place where region_code like t.code || '%')
                  and not exists (select 1 from appointments.legal_aid_application where region_code like t.code || '%')
                order by random() limit 1""", villages);
        if (code == null) {
            throw new IllegalStateException("no untouched township with at least " + villages + " villages left in the test database");
        }
        return code;
    }

    public List<String> villagesOf(String township) {
        return strings("select code from kernel.region where parent_code = ? and level = 'village' order by code", township);
    }

    // ------------------------------------------------------------------ council

    /** A council for the village, with one representative whose term runs (or ran) from {@code termStart} to {@code termEnd}. */
    public UUID council(String village, LocalDate termStart, LocalDate termEnd) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        execute("""
                insert into council.council (id, region_code, name, charter, resolution_body, quorum_numerator, quorum_denominator,
                  quorum_comparison, majority_numerator, majority_denominator, majority_comparison, created_by, created_at, updated_at)
                values (?, ?, '老友议事会', '章程', 'REPRESENTATIVES_MEETING', 2, 3, 'AT_LEAST', 1, 2, 'MORE_THAN', 'fixture', ?, ?)""",
                id, village, ts(now), ts(now));
        execute("""
                insert into council.council_representative (id, council_id, name, term_start, term_end, created_by, created_at)
                values (?, ?, '代表', ?, ?, 'fixture', ?)""", UUID.randomUUID(), id, termStart, termEnd, ts(now));
        return id;
    }

    /** A decision that went through all six steps, its implementation result published at {@code resultPublishedAt}. */
    public void completedDecision(UUID council, Instant resultPublishedAt) {
        UUID id = UUID.randomUUID();
        Instant start = resultPublishedAt.minus(Duration.ofDays(30));
        execute("""
                insert into council.decision (id, council_id, title, matter, status, next_step, progress, created_by, created_at, updated_at)
                values (?, ?, '修建村道', '村道硬化', 'DONE', null, 100, 'fixture', ?, ?)""", id, council, ts(start), ts(resultPublishedAt));
        String[] steps = {"PROPOSAL", "COMMITTEES_DISCUSSION", "PARTY_REVIEW", "RESIDENTS_RESOLUTION", "RESOLUTION_PUBLISHED", "RESULT_PUBLISHED"};
        for (int i = 0; i < steps.length; i++) {
            Instant at = i == steps.length - 1 ? resultPublishedAt : start.plus(Duration.ofDays(i + 1));
            execute("""
                    insert into council.decision_step (id, decision_id, step, attempt, held_at, outcome, recorded_by, recorded_at)
                    values (?, ?, ?, 1, ?, ?, 'fixture', ?)""", UUID.randomUUID(), id, steps[i], ts(at), i < 4 ? "PASSED" : "PUBLISHED", ts(at));
        }
    }

    // ------------------------------------------------------------------ volunteers

    public UUID volunteer(String village, boolean active) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        execute("""
                insert into volunteers.volunteer (id, account_id, id_blind_index, home_region, status, registered_at, withdrawn_at)
                values (?, ?, ?, ?, ?, ?, ?)""", id, UUID.randomUUID().toString(), "fixture-" + id, village,
                active ? "ACTIVE" : "CONSENT_WITHDRAWN", ts(now), active ? null : ts(now));
        return id;
    }

    public void population(String code, long people) {
        execute("""
                insert into volunteers.region_population (code, population, year, source, loaded_at, loaded_by)
                values (?, ?, 2020, '测试用统计公报', now(), 'fixture')""", code, (int) people);
    }

    public UUID station(String township) {
        UUID id = UUID.randomUUID();
        execute("insert into volunteers.station (id, township_code, name, created_by, created_at) values (?, ?, ?, 'fixture', now())",
                id, township, "志愿服务站" + id.toString().substring(0, 6));
        return id;
    }

    /** A team led by the volunteer (an approved LEADER membership), plus members with the given statuses. */
    public UUID team(UUID station, String township, String type, UUID leader, List<UUID> approved, List<UUID> pending) {
        UUID id = UUID.randomUUID();
        execute("""
                insert into volunteers.team (id, station_id, township_code, name, type, leader_volunteer_id, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, 'fixture', now())""", id, station, township, "队伍" + id.toString().substring(0, 6), type, leader);
        membership(id, leader, "LEADER", "APPROVED");
        approved.forEach(v -> membership(id, v, "MEMBER", "APPROVED"));
        pending.forEach(v -> membership(id, v, "MEMBER", "PENDING"));
        return id;
    }

    private void membership(UUID team, UUID volunteer, String role, String status) {
        execute("""
                insert into volunteers.team_membership (id, team_id, volunteer_id, role, status, requested_at)
                values (?, ?, ?, ?, ?, now())""", UUID.randomUUID(), team, volunteer, role, status);
    }

    // ------------------------------------------------------------------ proxy

    /** A service point at the village, offering one catalogue item when {@code withItem}. */
    public UUID servicePoint(String village, boolean withItem) {
        UUID id = UUID.randomUUID();
        execute("insert into proxy.service_point (id, region_code, name, active, created_at) values (?, ?, '代办服务点', true, now())", id, village);
        if (withItem) {
            execute("insert into proxy.service_point_item (point_id, item_code) values (?, ?)", id, catalogueItem());
        }
        return id;
    }

    /** A request registered at {@code created}, with its forwarding day, and when it was forwarded and delivered (or not). */
    public void proxyRequest(UUID point, String village, Instant created, LocalDate forwardDue, Instant forwarded, Instant delivered,
                             Integer satisfaction) {
        String status = satisfaction != null ? "FOLLOWED_UP" : delivered != null ? "DELIVERED" : forwarded != null ? "FORWARDED" : "ACCEPTED";
        execute("""
                insert into proxy.proxy_request (id, point_id, region_code, item_code, resident_name, resident_phone, consent_channel,
                  consent_at, created_by, status, created_at, accepted_at, forward_due, forwarded_at, delivered_at, satisfaction, version)
                values (?, ?, ?, ?, 'enc', 'enc', 'IN_PERSON', ?, 'fixture', ?, ?, ?, ?, ?, ?, ?, 0)""",
                UUID.randomUUID(), point, village, catalogueItem(), ts(created), status, ts(created), ts(created), forwardDue,
                ts(forwarded), ts(delivered), satisfaction);
    }

    private String catalogueItem() {
        return string("select code from proxy.catalogue_item order by code limit 1");
    }

    // ------------------------------------------------------------------ appointments

    public UUID place(String region, String kind) {
        UUID id = UUID.randomUUID();
        execute("insert into appointments.place (id, name, kind, region_code) values (?, ?, ?, ?)", id, "场所" + id.toString().substring(0, 6), kind, region);
        return id;
    }

    public UUID provider(UUID place, String kind) {
        UUID id = UUID.randomUUID();
        execute("""
                insert into appointments.provider (id, account_id, display_name, kind, place_id, slot_minutes)
                values (?, ?, '服务人员', ?, ?, 30)""", id, UUID.randomUUID().toString(), kind, place);
        return id;
    }

    /** A booking starting at {@code startsAt}; cancelled by the client themselves when status is CANCELLED_BY_CLIENT. */
    public void booking(UUID provider, String service, Instant startsAt, String status, boolean urgent) {
        String citizen = UUID.randomUUID().toString();
        boolean byClient = status.equals("CANCELLED_BY_CLIENT");
        String stored = byClient ? "CANCELLED" : status;
        Instant ends = startsAt.plus(Duration.ofMinutes(30));
        execute("""
                insert into appointments.booking (id, provider_id, citizen_account_id, service, mode, starts_at, ends_at, blocked, status,
                  urgent, cancelled_by, cancelled_at, created_at, updated_at)
                values (?, ?, ?, ?, 'IN_PERSON', ?, ?, tstzrange(?, ?), ?, ?, ?, ?, now(), now())""",
                UUID.randomUUID(), provider, citizen, service, ts(startsAt), ts(ends), ts(startsAt), ts(ends), stored, urgent,
                stored.equals("CANCELLED") ? (byClient ? citizen : "staff") : null, stored.equals("CANCELLED") ? ts(startsAt) : null);
    }

    /** A legal-aid application due on {@code due}, decided on {@code decidedOn} (null: still under review). */
    public void legalAid(String region, LocalDate submitted, LocalDate due, LocalDate decidedOn) {
        execute("""
                insert into appointments.legal_aid_application (id, citizen_account_id, region_code, applicant_name, id_number, id_number_index,
                  phone, case_type, other_party, description, hardship_statement, status, submitted_on, decision_due, decided_on,
                  decided_at, created_at, updated_at)
                values (?, ?, ?, 'enc', 'enc', ?, 'enc', 'SOCIAL_INSURANCE_OR_ASSISTANCE', '某公司', '讨薪', '家庭困难', ?, ?, ?, ?, ?, now(), now())""",
                UUID.randomUUID(), UUID.randomUUID().toString(), region, "fixture-" + UUID.randomUUID(),
                decidedOn == null ? "UNDER_REVIEW" : "APPROVED", submitted, due, decidedOn,
                decidedOn == null ? null : ts(decidedOn.atStartOfDay(IndicatorsClock.NANNING).toInstant()));
    }

    // ------------------------------------------------------------------ plumbing

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    public int execute(String sql, Object... args) {
        return tx.executeWrite(s -> jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }));
    }

    public String string(String sql, Object... args) {
        List<String> values = strings(sql, args);
        return values.isEmpty() ? null : values.get(0);
    }

    public List<String> strings(String sql, Object... args) {
        return tx.executeRead(s -> jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }));
    }
}
