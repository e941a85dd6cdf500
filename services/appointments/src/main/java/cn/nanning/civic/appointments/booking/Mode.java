package cn.nanning.civic.appointments.booking;

public enum Mode {
    ONLINE("线上"),
    IN_PERSON("到场");

    private final String label;

    Mode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
