package cn.nanning.civic.portal.ui;

import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;

import java.util.Map;

/**
 * How a resident registered at the counter is reached: their own mobile, a relative's mobile with the relation, or no
 * phone at all (many older residents have none). The phone field follows the choice; the relation appears only for a
 * relative's number.
 */
public final class ResidentContactField extends HorizontalLayout {

    public static final String SELF = "SELF";
    public static final String RELATIVE = "RELATIVE";
    public static final String NONE = "NONE";
    private static final Map<String, String> LABELS = Map.of(SELF, "本人手机", RELATIVE, "亲属电话", NONE, "无手机（不留电话）");

    private final RadioButtonGroup<String> kind = new RadioButtonGroup<>("联系方式");
    private final TextField phone = new TextField("手机号码");
    private final TextField relation = new TextField("与居民的关系");

    public ResidentContactField(String idPrefix) {
        kind.setId(idPrefix + "-contact-kind");
        kind.setItems(SELF, RELATIVE, NONE);
        kind.setItemLabelGenerator(LABELS::get);
        kind.setValue(SELF);
        phone.setId(idPrefix + "-phone");
        phone.setMaxLength(11);
        phone.setAllowedCharPattern("\\d");
        relation.setId(idPrefix + "-relation");
        relation.setMaxLength(20);
        relation.setPlaceholder("如：女儿、邻居");
        relation.setWidth("10em");
        kind.addValueChangeListener(change -> follow());
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        setWrap(true);
        setPadding(false);
        add(kind, phone, relation);
        follow();
    }

    private void follow() {
        String chosen = kind();
        phone.setVisible(!NONE.equals(chosen));
        phone.setLabel(RELATIVE.equals(chosen) ? "亲属手机号码" : "居民本人手机号码");
        relation.setVisible(RELATIVE.equals(chosen));
        if (NONE.equals(chosen)) {
            phone.clear();
        }
    }

    public String kind() {
        return kind.getValue() == null ? SELF : kind.getValue();
    }

    public String phone() {
        return NONE.equals(kind()) ? "" : phone.getValue().strip();
    }

    public String relation() {
        return RELATIVE.equals(kind()) ? relation.getValue().strip() : null;
    }

    /** How the consent sentence names the number the staff member may pass on. */
    public String consentWording() {
        return switch (kind()) {
            case RELATIVE -> "亲属的电话";
            case NONE -> "（不留电话）";
            default -> "手机号码";
        };
    }

    public void clear() {
        kind.setValue(SELF);
        phone.clear();
        relation.clear();
    }
}
