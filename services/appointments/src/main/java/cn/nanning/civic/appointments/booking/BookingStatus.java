package cn.nanning.civic.appointments.booking;

public enum BookingStatus {
    CONFIRMED("已预约"),
    CANCELLED("已取消"),
    ATTENDED("已到场"),
    NO_SHOW("爽约");

    private final String label;

    BookingStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
