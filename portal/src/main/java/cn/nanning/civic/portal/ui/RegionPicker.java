package cn.nanning.civic.portal.ui;

import cn.nanning.civic.portal.base.RegionDirectory;
import cn.nanning.civic.portal.base.StaffSession;
import cn.nanning.civic.portal.gateway.GatewayException;
import cn.nanning.civic.portal.gateway.Region;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * Choosing a division by name, level by level: 县（区） → 乡镇（街道） → 村（社区）. It starts at the signed-in staff
 * member's own area: the levels above it are shown but fixed, the levels below can be chosen. The value is the code of
 * the deepest level chosen (the staff member's own area when nothing below it is chosen).
 */
public final class RegionPicker extends CustomField<String> {

    /** How deep a choice must go for the form it is in. */
    public enum Depth { ANY, VILLAGE }

    private final RegionDirectory regions;
    private final Depth depth;
    final ComboBox<Region> district = level("县（区）", "district");
    final ComboBox<Region> township = level("乡镇（街道）", "township");
    final ComboBox<Region> village = level("村（社区）", "village");
    private String home = RegionDirectory.CITY;
    private boolean filling;

    public RegionPicker(RegionDirectory regions, String label, Depth depth) {
        this.regions = regions;
        this.depth = depth;
        setLabel(label);
        addClassName("region-picker");
        if (depth == Depth.VILLAGE) {
            List.of(district, township, village).forEach(level -> level.setPlaceholder("请选择"));
        }
        district.addValueChangeListener(change -> {
            if (!filling) {
                below(change.getValue(), township, village);
                updateValue();
            }
        });
        township.addValueChangeListener(change -> {
            if (!filling) {
                below(change.getValue(), village, null);
                updateValue();
            }
        });
        village.addValueChangeListener(change -> {
            if (!filling) {
                updateValue();
            }
        });
        HorizontalLayout levels = new HorizontalLayout(district, township, village);
        levels.setWrap(true);
        levels.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        levels.setPadding(false);
        add(levels);
    }

    @Override
    public void setId(String id) {
        super.setId(id);
        district.setId(id + "-district");
        township.setId(id + "-township");
        village.setId(id + "-village");
    }

    /** Starts at the signed-in staff member's own area (call when the view is entered). */
    public RegionPicker startAtOwnArea() {
        home = RegionDirectory.normalised(StaffSession.current().map(StaffSession::regionCode).orElse(null));
        setValue(home);
        return this;
    }

    /** The signed-in staff member's own area, as this picker started. */
    public String ownArea() {
        return home;
    }

    /** The chosen code, checked against the depth this form needs; the Chinese reason otherwise. */
    public String chosen() {
        String code = getValue();
        if (depth == Depth.VILLAGE && (code == null || code.length() < 12)) {
            throw new Refusal("请选择村（社区）。");
        }
        if (code == null || code.isBlank()) {
            throw new Refusal("请选择区划。");
        }
        return code;
    }

    @Override
    protected String generateModelValue() {
        if (village.getValue() != null) {
            return village.getValue().code();
        }
        if (township.getValue() != null) {
            return township.getValue().code();
        }
        if (district.getValue() != null) {
            return district.getValue().code();
        }
        return home;
    }

    @Override
    protected void setPresentationValue(@Nullable String code) {
        filling = true;
        try {
            String value = code == null || code.isBlank() ? home : RegionDirectory.normalised(code);
            fill(district, RegionDirectory.CITY, prefix(value, 6));
            fill(township, prefix(value, 6), prefix(value, 9));
            fill(village, prefix(value, 9), prefix(value, 12));
            // The city's code has six digits too: only a district's own staff have their district fixed.
            district.setReadOnly(home.length() >= 6 && !home.equals(RegionDirectory.CITY));
            township.setReadOnly(home.length() >= 9);
            village.setReadOnly(home.length() >= 12);
        } catch (GatewayException e) {
            setInvalid(true);
            setErrorMessage("区划暂时无法读取：" + e.getMessage());
        } finally {
            filling = false;
        }
    }

    /** Loads a level's choices under its parent and selects the given code among them (or none). */
    private void fill(ComboBox<Region> level, @Nullable String parent, @Nullable String selected) {
        if (parent == null || parent.equals(RegionDirectory.CITY) && level != district) {
            level.setItems(List.of());
            level.clear();
            level.setEnabled(false);
            return;
        }
        List<Region> choices = regions.children(parent);
        level.setItems(choices);
        level.setEnabled(!choices.isEmpty());
        level.setValue(selected == null ? null : choices.stream().filter(r -> r.code().equals(selected)).findFirst().orElse(null));
    }

    private void below(@Nullable Region chosen, ComboBox<Region> next, @Nullable ComboBox<Region> after) {
        filling = true;
        try {
            fill(next, chosen == null ? null : chosen.code(), null);
            if (after != null) {
                fill(after, null, null);
            }
        } catch (GatewayException e) {
            setInvalid(true);
            setErrorMessage("区划暂时无法读取：" + e.getMessage());
        } finally {
            filling = false;
        }
    }

    @Nullable
    private static String prefix(String code, int length) {
        return code.length() >= length ? code.substring(0, length) : null;
    }

    private static ComboBox<Region> level(String label, String part) {
        ComboBox<Region> level = new ComboBox<>(label);
        level.setItemLabelGenerator(Region::name);
        level.setClearButtonVisible(true);
        level.setPlaceholder("全部");
        level.setWidth("12em");
        level.addClassName("region-" + part);
        return level;
    }
}
