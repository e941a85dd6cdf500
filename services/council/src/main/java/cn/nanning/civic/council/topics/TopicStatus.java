package cn.nanning.civic.council.topics;

/** Where a topic stands after the conveners' triage. */
public enum TopicStatus {
    OPEN("征集中"),
    ACCEPTED("已采纳"),
    MERGED("已合并"),
    DECLINED("未采纳");

    final String label;

    TopicStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
