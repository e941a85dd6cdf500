package cn.nanning.civic.portal.council;

import cn.nanning.civic.portal.base.SignIn;
import cn.nanning.civic.portal.base.StaffSession;
import cn.nanning.civic.portal.gateway.GatewayException;
import cn.nanning.civic.portal.ui.Outcome;
import com.vaadin.flow.component.combobox.ComboBox;

import java.util.List;

/** "我的议事会": the councils in the signed-in convener's (or administrator's) area; the first one is chosen. */
final class CouncilPicker extends ComboBox<CouncilClient.CouncilSummary> {

    CouncilPicker(String id) {
        super("我的议事会");
        setId(id);
        setWidth("28em");
        setItemLabelGenerator(c -> c.name() + "（" + (c.regionName() != null ? c.regionName() : c.regionCode()) + "）");
    }

    /**
     * Loads the councils and chooses {@code preferred} (or the first); an empty area or a gateway failure is said in
     * {@code status}.
     */
    void load(CouncilClient client, SignIn signIn, Outcome status, String preferred) {
        String region = StaffSession.current().map(StaffSession::regionCode).orElse(null);
        if (region == null || region.isBlank()) {
            setItems(List.of());
            status.note("您的账号未设定辖区，无法列出议事会。");
            return;
        }
        try {
            List<CouncilClient.CouncilSummary> councils = signIn.withToken(token -> client.councils(region, token));
            setItems(councils);
            if (councils.isEmpty()) {
                status.note("您的辖区内尚未设立老友议事会。");
            } else {
                setValue(councils.stream().filter(c -> c.id().equals(preferred)).findFirst().orElse(councils.get(0)));
            }
        } catch (GatewayException e) {
            setItems(List.of());
            status.failed(e.getMessage());
        }
    }

    String councilId() {
        return getValue() == null ? null : getValue().id();
    }
}
