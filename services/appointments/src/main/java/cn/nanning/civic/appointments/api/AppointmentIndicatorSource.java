package cn.nanning.civic.appointments.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * What the appointments module publishes for the city plan's 公共法律服务 and 心理服务 indicators: places by region and
 * counts of what was held in a period, keyed by the region code of the place (or of the legal-aid application),
 * whatever its level. Nothing here is personal.
 */
public interface AppointmentIndicatorSource {

    /**
     * @param from     start of the period (inclusive); bookings count by their start time
     * @param to       end of the period (exclusive), usually now: later bookings have not happened yet
     * @param fromDate first day of the period in Nanning (legal-aid decisions count by their decision day)
     * @param today    today in Nanning: an undecided application due before today is late
     */
    AppointmentFigures figures(Instant from, Instant to, LocalDate fromDate, LocalDate today);

    /**
     * @param legalServicePlaces       region codes (city, county, township or village) with an active 公共法律服务站/点
     * @param counsellingRooms         active 心理咨询室 by region code
     * @param consultationsHeld        legal consultations attended in the period, by the place's region
     * @param psychologySessionsHeld   psychology appointments attended in the period, by the place's region
     * @param urgentDue                psychology appointments marked urgent by a screening that showed risk, due in the
     *                                 period, except those the client cancelled
     * @param urgentAnswered           of those, attended
     * @param legalAidDue              legal-aid applications decided in the period, plus those still under review
     *                                 whose decision day (7 working days) fell in the period and has passed
     * @param legalAidDecidedOnTime    of those, decided on or before the decision day
     */
    record AppointmentFigures(Set<String> legalServicePlaces, Map<String, Long> counsellingRooms,
                              Map<String, Long> consultationsHeld, Map<String, Long> psychologySessionsHeld,
                              Map<String, Long> urgentDue, Map<String, Long> urgentAnswered,
                              Map<String, Long> legalAidDue, Map<String, Long> legalAidDecidedOnTime) {
    }
}
