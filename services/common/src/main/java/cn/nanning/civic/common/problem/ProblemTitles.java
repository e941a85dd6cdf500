package cn.nanning.civic.common.problem;

/** Chinese titles and default details for HTTP statuses, so that framework errors read well for end users too. */
public final class ProblemTitles {

    private ProblemTitles() {
    }

    public static String forStatus(int status) {
        return switch (status) {
            case 400 -> "请求有误";
            case 401 -> "未登录或登录已失效";
            case 403 -> "没有权限";
            case 404 -> "未找到";
            case 405 -> "不支持该请求方式";
            case 406, 415 -> "不支持的内容类型";
            case 409 -> "数据冲突";
            case 413 -> "请求内容过大";
            case 422 -> "无法处理该请求";
            case 429 -> "请求过于频繁";
            case 502 -> "上游服务异常";
            case 503 -> "服务暂时不可用";
            case 504 -> "上游服务超时";
            default -> status >= 500 ? "服务器内部错误" : "请求未能完成";
        };
    }

    /** A sentence for end users when the framework, not our code, produced the error. */
    public static String defaultDetail(int status) {
        return switch (status) {
            case 400 -> "请求参数不正确，请检查后重试。";
            case 401 -> "请先登录后再操作。";
            case 403 -> "您没有执行此操作的权限。";
            case 404 -> "您访问的资源不存在。";
            case 405 -> "该地址不支持此请求方式。";
            case 406, 415 -> "请求或响应的内容类型不受支持。";
            case 413 -> "上传或提交的内容超过了大小限制。";
            case 429 -> "请求过于频繁，请稍后再试。";
            case 502, 504 -> "后台服务暂时无法响应，请稍后再试。";
            case 503 -> "服务暂时不可用，请稍后再试。";
            default -> status >= 500 ? "系统出现异常，请稍后再试。如问题持续，请联系管理员。" : "请求未能完成。";
        };
    }

    /** Stable machine-readable type for framework-produced errors. */
    public static String defaultType(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406, 415 -> "unsupported-media-type";
            case 413 -> "payload-too-large";
            case 429 -> "too-many-requests";
            case 502 -> "bad-gateway";
            case 503 -> "unavailable";
            case 504 -> "gateway-timeout";
            default -> status >= 500 ? "internal-error" : "client-error";
        };
    }
}
