package cn.nanning.civic.portal.statistics;

import cn.nanning.civic.portal.gateway.GatewayClient;
import cn.nanning.civic.portal.gateway.Missing;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.List;

/** Figures of an area: 老友议事会 (council module) and appointments (legal consultation, psychology, legal aid). */
@Singleton
public class StatisticsClient {

    private final GatewayClient gateway;

    StatisticsClient(GatewayClient gateway) {
        this.gateway = gateway;
    }

    public CouncilFigures council(String region, String token) {
        return gateway.call(() -> HttpRequest.GET("/api/v1/council/statistics?region=" + region).bearerAuth(token),
                Argument.of(CouncilFigures.class));
    }

    public AppointmentFigures appointments(String region, int days, String token) {
        return gateway.call(() -> HttpRequest.GET("/api/v1/appointments/statistics?region=" + region + "&days=" + days)
                .bearerAuth(token), Argument.of(AppointmentFigures.class));
    }

    @Serdeable
    public record CouncilFigures(String region, long villages, long councils, long activeCouncils, double activeShare,
                                 long topics, long openTopics, long decisions, long publishedResolutions,
                                 long implementedResolutions) {
    }

    @Serdeable
    public record AppointmentFigures(String region, LocalDate from, LocalDate to, int days, List<Counted> places,
                                     long providers, List<ServiceFigures> services, long urgentBookings, LegalAid legalAid) {
        public AppointmentFigures {
            places = Missing.orEmpty(places);
            services = Missing.orEmpty(services);
        }

        /** The figures of one service (LEGAL_CONSULTATION, PSYCHOLOGY); zeros when absent. */
        public ServiceFigures service(String code) {
            return services.stream().filter(s -> code.equals(s.service())).findFirst()
                    .orElse(new ServiceFigures(code, "", 0, 0, 0, 0, 0));
        }
    }

    @Serdeable
    public record Counted(String kind, String kindLabel, long count) {
    }

    @Serdeable
    public record ServiceFigures(String service, String serviceLabel, long total, long confirmed, long attended,
                                 long noShow, long cancelled) {
    }

    @Serdeable
    public record StatusCount(String status, String statusLabel, long count) {
    }

    @Serdeable
    public record LegalAid(long submitted, List<StatusCount> byStatus, long overdueNow) {
        public LegalAid {
            byStatus = Missing.orEmpty(byStatus);
        }
    }
}
