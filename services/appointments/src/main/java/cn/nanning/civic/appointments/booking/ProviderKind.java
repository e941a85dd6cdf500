package cn.nanning.civic.appointments.booking;

/** Who receives bookings; the kind decides which service a booking with them is. */
public enum ProviderKind {
    LAWYER("律师", Service.LEGAL_CONSULTATION),
    LEGAL_AID_STAFF("法律援助工作人员", Service.LEGAL_CONSULTATION),
    COUNSELLOR("心理咨询师", Service.PSYCHOLOGY);

    private final String label;
    private final Service service;

    ProviderKind(String label, Service service) {
        this.label = label;
        this.service = service;
    }

    public String label() {
        return label;
    }

    public Service service() {
        return service;
    }
}
