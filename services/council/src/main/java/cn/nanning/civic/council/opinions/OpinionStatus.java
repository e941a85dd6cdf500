package cn.nanning.civic.council.opinions;

/** Where an opinion stands: shown, waiting for a moderator, or hidden by one. */
public enum OpinionStatus {
    VISIBLE("已公开"),
    REVIEW("待审核"),
    HIDDEN("已隐藏");

    final String label;

    OpinionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
