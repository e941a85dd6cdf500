package cn.nanning.civic.appointments.booking;

public enum PlaceKind {
    LEGAL_SERVICE_STATION("公共法律服务站"),
    LEGAL_SERVICE_POINT("公共法律服务点"),
    COUNSELLING_ROOM("心理咨询室");

    private final String label;

    PlaceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
