package cn.nanning.civic.common.identity;

/** Roles a caller can hold. Staff roles are scoped to a region; CITIZEN is everyone who signs in via WeChat. */
public enum Role {
    CITIZEN("市民"),
    VOLUNTEER("志愿者"),
    CLERK("村(社区)代办员"),
    LAWYER("律师"),
    COUNSELLOR("心理咨询师"),
    CONVENER("议事会召集人"),
    ORGANIZER("活动组织者"),
    ADMIN("管理员"),
    AUDITOR("审计员");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** The Chinese name shown to people. */
    public String label() {
        return label;
    }
}
