package cn.nanning.civic.portal.base;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouterLink;
import io.micronaut.context.annotation.Prototype;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shown instead of a page that failed to open: a Chinese explanation and a way back, never the exception's text.
 * The exception with its stack trace goes to the log, with the request id the log line carries.
 */
@Prototype
@PublicView
@ParentLayout(MainLayout.class)
public final class ErrorView extends VerticalLayout implements HasErrorParameter<Exception> {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorView.class);

    ErrorView() {
        setId("error-view");
        Paragraph explanation = new Paragraph("系统处理时出现问题，问题已记录。请稍后再试；如果仍然打不开，请联系管理员并告知出现问题的时间。");
        explanation.setId("error-explanation");
        add(new H2("页面暂时无法打开"), explanation, new RouterLink("返回首页", HomeView.class));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        LOG.error("Could not open /{}", event.getLocation().getPath(), parameter.getCaughtException());
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
