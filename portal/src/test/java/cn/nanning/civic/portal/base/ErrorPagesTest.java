package cn.nanning.civic.portal.base;

import cn.nanning.civic.portal.micronaut.KaribuViewTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NavigationTrigger;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.ErrorEvent;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications;
import static org.assertj.core.api.Assertions.assertThat;

class ErrorPagesTest extends KaribuViewTest {

    @Test
    void an_unknown_address_shows_a_chinese_page_with_a_way_home() {
        // Karibu answers unknown routes with its own mock; the real servlet uses NotFoundView (see LoginPageBrowserTest).
        NotFoundView view = new NotFoundView();
        int status = view.setErrorParameter(event("no-such-page"), new ErrorParameter<>(NotFoundException.class,
                new NotFoundException("No route found for 'no-such-page'")));
        assertThat(status).isEqualTo(404);
        assertThat(view.getElement().getTextRecursively())
                .contains("没有找到该页面", "返回首页").doesNotContainPattern("[A-Za-z]");
    }

    @Test
    void a_page_that_fails_to_open_explains_in_chinese_and_keeps_the_exception_out_of_sight() {
        ErrorView view = new ErrorView();
        int status = view.setErrorParameter(event("proxy/overview"), new ErrorParameter<>(Exception.class,
                new NullPointerException("Cannot invoke \"java.util.Map.forEach\" because requestsByStatus is null")));
        assertThat(status).isEqualTo(500);
        String shown = view.getElement().getTextRecursively();
        assertThat(shown).contains("页面暂时无法打开", "返回首页").doesNotContain("Cannot invoke", "Exception", "null");
        assertThat(shown).doesNotContainPattern("[A-Za-z]");
    }

    private static BeforeEnterEvent event(String path) {
        return new BeforeEnterEvent(UI.getCurrent().getInternals().getRouter(), NavigationTrigger.PROGRAMMATIC,
                new Location(path), ErrorView.class, UI.getCurrent(), java.util.List.of());
    }

    @Test
    void an_unexpected_failure_in_a_click_is_told_in_chinese_not_as_vaadins_internal_error_box() {
        new UnexpectedErrors().error(new ErrorEvent(new IllegalStateException("boom")));
        assertThat(getNotifications()).extracting(Notification::getElement)
                .anySatisfy(element -> assertThat(element.getProperty("text", "") + element.getTextRecursively())
                        .contains("操作未完成"));
    }
}
