package cn.nanning.civic.proxy.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What the proxy module publishes for the city plan's indicators (plan no. 10 and the 代办 quality figures): facts per
 * village/community, read from the module's own tables. Other modules aggregate them to townships, districts and
 * the city; nothing here is personal.
 */
public interface ProxyIndicatorSource {

    /**
     * @param from     start of the period (inclusive): requests delivered from then on count for time and satisfaction
     * @param to       end of the period (exclusive), usually now
     * @param fromDate first forwarding day of the period (Nanning date of {@code from})
     * @param today    today in Nanning: a request due before today and not yet forwarded counts as late
     */
    ProxyFigures figures(Instant from, Instant to, LocalDate fromDate, LocalDate today);

    /**
     * @param villagesAbleToProxy villages/communities with an active service point offering at least one catalogue item
     * @param quality             per village: forwarding punctuality and follow-up satisfaction in the period
     * @param deliveryDays        per village: requests delivered in the period by whole days from 委托 to 送达 (rounded up)
     */
    record ProxyFigures(Set<String> villagesAbleToProxy, List<VillageQuality> quality, List<DeliveryDays> deliveryDays) {
    }

    /**
     * @param forwardsDue     requests whose forwarding day fell in the period and that were forwarded or are now late
     * @param forwardedOnTime of those, forwarded on or before their forwarding day (3 working days after acceptance)
     * @param followUps       requests delivered in the period with a follow-up satisfaction score (1–5)
     * @param satisfied       of those, scored 4 (满意) or 5 (非常满意)
     * @param satisfactionSum sum of their scores, for the average
     */
    record VillageQuality(String villageCode, long forwardsDue, long forwardedOnTime, long followUps, long satisfied,
                          long satisfactionSum) {
    }

    record DeliveryDays(String villageCode, int days, long requests) {
    }
}
