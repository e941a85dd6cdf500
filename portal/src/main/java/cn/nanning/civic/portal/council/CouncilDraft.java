package cn.nanning.civic.portal.council;

/**
 * The form behind 设立议事会: the village, the council's name, its charter and the voting rules the charter sets.
 * Starts with the rules of the 村民委员会组织法 for a villagers' representative meeting (two thirds present, more than
 * half of those present agree), which the convener changes when the village's own charter says otherwise.
 */
final class CouncilDraft {

    /** The two bodies a resolution can come from, with the law's default quorum and majority for each. */
    enum Body {
        REPRESENTATIVES_MEETING("村民代表会议", new CouncilClient.Threshold(2, 3, "AT_LEAST"), new CouncilClient.Threshold(1, 2, "MORE_THAN")),
        VILLAGERS_MEETING("村民会议", new CouncilClient.Threshold(1, 2, "MORE_THAN"), new CouncilClient.Threshold(1, 2, "MORE_THAN"));

        final String label;
        final CouncilClient.Threshold quorum;
        final CouncilClient.Threshold majority;

        Body(String label, CouncilClient.Threshold quorum, CouncilClient.Threshold majority) {
            this.label = label;
            this.quorum = quorum;
            this.majority = majority;
        }
    }

    /** How a threshold compares, as people say it. */
    enum Comparison {
        AT_LEAST("不少于"), MORE_THAN("超过");

        final String label;

        Comparison(String label) {
            this.label = label;
        }
    }

    static final String CHARTER_TEMPLATE = """
            第一条　本议事会是本村（社区）居民参与公共事务协商的议事组织，坚持党组织领导，依照“四议两公开”开展议事。
            第二条　居民可以提出议题、附议和发表意见，议题经召集人审核后公开征集意见；不予采纳或者合并的议题，应当公开说明理由。
            第三条　采纳的议题按照党组织提议、“两委”会议商议、党员大会审议、村民代表会议或者村民会议决议的程序办理，决议结果和实施结果向全体居民公开。
            第四条　议事代表由居民推选产生，任期与村（居）民委员会相同，可以连选连任。
            第五条　本章程经村民代表会议通过后施行。""";

    private String regionCode;
    private String name;
    private String charter = CHARTER_TEMPLATE;
    private Body body = Body.REPRESENTATIVES_MEETING;
    private Comparison quorumComparison = Comparison.AT_LEAST;
    private Integer quorumNumerator = 2;
    private Integer quorumDenominator = 3;
    private Comparison majorityComparison = Comparison.MORE_THAN;
    private Integer majorityNumerator = 1;
    private Integer majorityDenominator = 2;

    CouncilClient.Rules rules() {
        return new CouncilClient.Rules(body.name(),
                new CouncilClient.Threshold(quorumNumerator, quorumDenominator, quorumComparison.name()),
                new CouncilClient.Threshold(majorityNumerator, majorityDenominator, majorityComparison.name()));
    }

    String getRegionCode() { return regionCode; }
    void setRegionCode(String regionCode) { this.regionCode = regionCode; }
    String getName() { return name; }
    void setName(String name) { this.name = name == null ? null : name.strip(); }
    String getCharter() { return charter; }
    void setCharter(String charter) { this.charter = charter; }
    Body getBody() { return body; }
    void setBody(Body body) { this.body = body; }
    Comparison getQuorumComparison() { return quorumComparison; }
    void setQuorumComparison(Comparison c) { this.quorumComparison = c; }
    Integer getQuorumNumerator() { return quorumNumerator; }
    void setQuorumNumerator(Integer n) { this.quorumNumerator = n; }
    Integer getQuorumDenominator() { return quorumDenominator; }
    void setQuorumDenominator(Integer n) { this.quorumDenominator = n; }
    Comparison getMajorityComparison() { return majorityComparison; }
    void setMajorityComparison(Comparison c) { this.majorityComparison = c; }
    Integer getMajorityNumerator() { return majorityNumerator; }
    void setMajorityNumerator(Integer n) { this.majorityNumerator = n; }
    Integer getMajorityDenominator() { return majorityDenominator; }
    void setMajorityDenominator(Integer n) { this.majorityDenominator = n; }
}
