package cn.nanning.civic.appointments.booking;

import cn.nanning.civic.appointments.calendar.AppointmentClock;
import cn.nanning.civic.kernel.notifications.CitizenNotifications;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * What a citizen is told about their booking when staff change it: cancelled by the provider or an administrator, or
 * marked as not attended. Told in the transaction of the change (inbox always; WeChat when subscribed). A booking a
 * clerk made at the counter for a resident without the mini-program has no one to tell here.
 */
@Singleton
class BookingNotices {

    static final String TEMPLATE = "appointment-change";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(AppointmentClock.NANNING);

    private final CitizenNotifications notifications;

    BookingNotices(CitizenNotifications notifications) {
        this.notifications = notifications;
    }

    void cancelledByStaff(Booking booking, Provider provider, @Nullable String reason) {
        tell(booking, provider, "已取消", reason == null ? "工作人员取消了预约，可另约时间" : "取消原因：" + reason);
    }

    void notAttended(Booking booking, Provider provider) {
        tell(booking, provider, "未到场", "已登记为未到场，如有误请联系服务地点");
    }

    private void tell(Booking booking, Provider provider, String what, String note) {
        if (booking.citizenAccountId().startsWith(Bookings.COUNTER_RESIDENT_PREFIX)) {
            return;
        }
        notifications.notify(booking.citizenAccountId(), TEMPLATE, Map.of(
                "thing1", CitizenNotifications.thing(booking.service().label() + "·" + provider.displayName()),
                "time2", WHEN.format(booking.startsAt()),
                "phrase3", what,
                "thing4", CitizenNotifications.thing(note)), "pages/appointments/detail?id=" + booking.id());
    }
}
