package cn.nanning.civic.portal.council;

import cn.nanning.civic.portal.base.RegionDirectory;
import cn.nanning.civic.portal.gateway.GatewayException;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The public index of councils (no sign-in): every 老友议事会 in the city, found by district or by the village's or the
 * council's name, each leading to its public page.
 */
final class CouncilIndex extends VerticalLayout {

    /** More cards than this make a phone page too long; the filters narrow it down. */
    static final int SHOWN = 60;

    private final List<CouncilClient.PublicListing> councils;
    private final ComboBox<String> district = new ComboBox<>("县（区）");
    private final TextField search = new TextField("村（社区）或议事会名称");
    private final Paragraph count = new Paragraph();
    private final Div cards = new Div();

    CouncilIndex(CouncilClient client) {
        setId("council-index");
        setPadding(false);
        add(new H1("南宁市老友议事会公开栏"),
                new Paragraph("居民可以在这里查看各村（社区）老友议事会的章程、议题、决议和实施结果，无需登录。"));
        List<CouncilClient.PublicListing> loaded;
        try {
            loaded = client.publicCouncils(RegionDirectory.CITY);
        } catch (GatewayException e) {
            Paragraph problem = new Paragraph(e.getMessage());
            problem.setId("council-index-message");
            add(problem);
            councils = List.of();
            return;
        }
        councils = loaded;
        district.setId("council-index-district");
        district.setItems(councils.stream().map(CouncilClient.PublicListing::districtName).filter(Objects::nonNull).distinct().sorted().toList());
        district.setPlaceholder("全部");
        district.setClearButtonVisible(true);
        district.addValueChangeListener(change -> show());
        search.setId("council-index-search");
        search.setPlaceholder("例如：村名、社区名");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(change -> show());
        count.setId("council-index-count");
        cards.setId("council-index-list");
        HorizontalLayout filters = new HorizontalLayout(district, search);
        filters.setWrap(true);
        add(filters, count, cards);
        show();
    }

    private void show() {
        String word = search.getValue().strip().toLowerCase(Locale.ROOT);
        List<CouncilClient.PublicListing> matching = councils.stream()
                .filter(c -> district.isEmpty() || district.getValue().equals(c.districtName()))
                .filter(c -> word.isEmpty() || Stream.of(c.name(), c.regionName(), c.townshipName())
                        .anyMatch(text -> text != null && text.toLowerCase(Locale.ROOT).contains(word)))
                .toList();
        cards.removeAll();
        if (councils.isEmpty()) {
            count.setText("目前还没有设立老友议事会。");
        } else if (matching.isEmpty()) {
            count.setText("没有找到符合条件的议事会，请换个名称或县（区）试试。");
        } else if (matching.size() > SHOWN) {
            count.setText("共 " + matching.size() + " 个议事会，下面列出前 " + SHOWN + " 个；请选择县（区）或输入名称缩小范围。");
        } else {
            count.setText("共 " + matching.size() + " 个议事会。");
        }
        matching.stream().limit(SHOWN).forEach(c -> cards.add(card(c)));
    }

    private static Div card(CouncilClient.PublicListing c) {
        Div card = new Div();
        card.addClassName("council-index-card");
        H3 title = new H3(new Anchor(CouncilPublicPage.ROUTE + "/" + c.id(), c.name()));
        String where = String.join(" · ", Stream.of(c.districtName(), c.townshipName(), c.regionName())
                .filter(Objects::nonNull).toList());
        card.add(title, new Paragraph(where), new Paragraph("征集中和已采纳的议题 " + c.openTopics() + " 个 · 已公开决议 "
                + c.publishedResolutions() + " 项"));
        return card;
    }
}
