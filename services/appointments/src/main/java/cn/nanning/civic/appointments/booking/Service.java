package cn.nanning.civic.appointments.booking;

public enum Service {
    LEGAL_CONSULTATION("法律咨询"),
    PSYCHOLOGY("心理咨询");

    private final String label;

    Service(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
