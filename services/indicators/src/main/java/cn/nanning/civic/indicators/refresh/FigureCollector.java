package cn.nanning.civic.indicators.refresh;

import cn.nanning.civic.appointments.api.AppointmentIndicatorSource;
import cn.nanning.civic.council.api.CouncilIndicatorSource;
import cn.nanning.civic.indicators.domain.Aggregation;
import cn.nanning.civic.indicators.domain.Counter;
import cn.nanning.civic.indicators.domain.Population;
import cn.nanning.civic.indicators.domain.RegionTree;
import cn.nanning.civic.proxy.api.ProxyIndicatorSource;
import cn.nanning.civic.volunteers.api.VolunteerIndicatorSource;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Map;

/**
 * Reads each module's published figures through its public api package (never its tables) and puts them into an
 * {@link Aggregation} over the division tree.
 */
@Singleton
class FigureCollector {

    private final CouncilIndicatorSource council;
    private final VolunteerIndicatorSource volunteers;
    private final ProxyIndicatorSource proxy;
    private final AppointmentIndicatorSource appointments;

    FigureCollector(CouncilIndicatorSource council, VolunteerIndicatorSource volunteers, ProxyIndicatorSource proxy,
                    AppointmentIndicatorSource appointments) {
        this.council = council;
        this.volunteers = volunteers;
        this.proxy = proxy;
        this.appointments = appointments;
    }

    record Collected(Aggregation aggregation, @Nullable Instant volunteersAsOf) {
    }

    Collected collect(RegionTree tree, Period period) {
        Aggregation a = new Aggregation(tree);

        CouncilIndicatorSource.CouncilFigures c = council.figures(period.today(), period.from(), period.to());
        c.villagesWithCouncil().forEach(code -> a.countVillage(Counter.VILLAGES_WITH_COUNCIL, code));
        c.villagesWithCompletedDecision().forEach(code -> a.countVillage(Counter.VILLAGES_WITH_COMPLETED_DECISION, code));

        VolunteerIndicatorSource.VolunteerFigures v = volunteers.figures();
        add(a, Counter.REGISTERED_VOLUNTEERS, v.registeredByVillage());
        add(a, Counter.STATIONS, v.stationsByTownship());
        add(a, Counter.PING_AN_TEAMS, v.pingAnTeamsByTownship());
        add(a, Counter.PATROL_MEMBERS, v.patrolMembersByTownship());
        v.populations().forEach((code, p) -> a.population(code, new Population(p.people(), p.year(), p.source())));

        ProxyIndicatorSource.ProxyFigures p = proxy.figures(period.from(), period.to(), period.fromDate(), period.today());
        p.villagesAbleToProxy().forEach(code -> a.countVillage(Counter.VILLAGES_ABLE_TO_PROXY, code));
        for (ProxyIndicatorSource.VillageQuality q : p.quality()) {
            a.count(Counter.FORWARDS_DUE, q.villageCode(), q.forwardsDue());
            a.count(Counter.FORWARDED_ON_TIME, q.villageCode(), q.forwardedOnTime());
            a.count(Counter.FOLLOW_UPS, q.villageCode(), q.followUps());
            a.count(Counter.SATISFIED, q.villageCode(), q.satisfied());
            a.count(Counter.SATISFACTION_SUM, q.villageCode(), q.satisfactionSum());
        }
        p.deliveryDays().forEach(d -> a.deliveryDays(d.villageCode(), d.days(), d.requests()));

        AppointmentIndicatorSource.AppointmentFigures ap = appointments.figures(period.from(), period.to(), period.fromDate(), period.today());
        ap.legalServicePlaces().forEach(a::legalPlaceAt);
        add(a, Counter.COUNSELLING_ROOMS, ap.counsellingRooms());
        add(a, Counter.CONSULTATIONS_HELD, ap.consultationsHeld());
        add(a, Counter.PSYCHOLOGY_SESSIONS_HELD, ap.psychologySessionsHeld());
        add(a, Counter.URGENT_DUE, ap.urgentDue());
        add(a, Counter.URGENT_ANSWERED, ap.urgentAnswered());
        add(a, Counter.LEGAL_AID_DUE, ap.legalAidDue());
        add(a, Counter.LEGAL_AID_ON_TIME, ap.legalAidDecidedOnTime());
        return new Collected(a, v.registeredAsOf());
    }

    private static void add(Aggregation a, Counter counter, Map<String, Long> byRegion) {
        byRegion.forEach((code, amount) -> a.count(counter, code, amount));
    }
}
