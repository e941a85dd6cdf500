package cn.nanning.civic.volunteers.teams;

/** Kinds of teams the city plan counts. */
enum TeamType {
    PING_AN("平安建设志愿服务队"),
    PATROL("平安巡防队"),
    GENERAL("综合志愿服务队");

    final String label;

    TeamType(String label) {
        this.label = label;
    }
}
