package cn.nanning.civic.portal.indicators;

import cn.nanning.civic.common.identity.Role;
import cn.nanning.civic.portal.base.StaffSession;
import cn.nanning.civic.portal.micronaut.KaribuViewTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class IndicatorsViewTest extends KaribuViewTest {

    @Test
    void whenTheGatewayIsDownTheDashboardSaysSoInChineseAndStillOffersItsControls() {
        StaffSession.store(VaadinSession.getCurrent(), new StaffSession("韦主任", "450100", Set.of(Role.AUDITOR), "a", "r"));
        UI.getCurrent().navigate(IndicatorsView.class);
        Paragraph message = _get(Paragraph.class, spec -> spec.withId("indicators-message"));
        assertThat(message.isVisible()).isTrue();
        assertThat(message.getText()).isEqualTo("暂时无法连接服务平台，请稍后再试。");
        assertThat(_get(Anchor.class, spec -> spec.withId("indicators-excel")).getText()).isEqualTo("导出电子表格");
        assertThat(_find(IndicatorCards.class).get(0).getChildren()).isEmpty();
    }

    @Test
    void thePublicPageNeedsNoSignInAndSaysSoWhenTheGatewayIsDown() {
        UI.getCurrent().navigate(PublicIndicatorsPage.class);
        Paragraph message = _get(Paragraph.class, spec -> spec.withId("public-message"));
        assertThat(message.getText()).isEqualTo("暂时无法连接服务平台，请稍后再试。");
    }
}
