package cn.nanning.civic.appointments.legalaid;

public enum ApplicationStatus {
    UNDER_REVIEW("审查中"),
    SUPPLEMENT_REQUESTED("待补充材料"),
    APPROVED("决定给予法律援助"),
    REJECTED("决定不予法律援助"),
    ASSIGNED("已指派法律援助人员"),
    /** The applicant withdrew the application before it was decided. */
    WITHDRAWN("已撤回");

    private final String label;

    ApplicationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
