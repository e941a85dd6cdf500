package cn.nanning.civic.portal.ui;

/**
 * A view's own "not like this" before anything is sent (e.g. 请选择服务点。): thrown inside an action, shown by the
 * action's {@link Outcome} like a refusal from the services.
 */
public final class Refusal extends RuntimeException {

    public Refusal(String chineseReason) {
        super(chineseReason, null, false, false);
    }
}
