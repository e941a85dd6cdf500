package cn.nanning.civic.portal.council;

import cn.nanning.civic.portal.base.PortalShell;
import cn.nanning.civic.portal.base.PublicView;
import cn.nanning.civic.portal.gateway.GatewayException;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.micronaut.context.annotation.Prototype;

import java.io.ByteArrayInputStream;

import java.util.List;

/**
 * The councils' public pages (no sign-in). Without a council: the index of every council in the city, by district,
 * township and village. With one: its charter and rules, topics with their published opinions, triage reasons,
 * hidden topics by date and reason only, resolutions and upcoming meetings — all from the gateway's public council
 * API. Residents' text is always set as text, never as markup.
 */
@Prototype
@PublicView
@Route(CouncilPublicPage.ROUTE)
@PageTitle("老友议事会公开栏 | " + PortalShell.PRODUCT)
public final class CouncilPublicPage extends VerticalLayout implements HasUrlParameter<String> {

    static final String ROUTE = "council/public";
    private static final int OPINION_TOPICS = 20;

    private final CouncilClient client;

    CouncilPublicPage(CouncilClient client) {
        this.client = client;
        setId("council-public");
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String councilId) {
        removeAll();
        if (councilId == null || councilId.isBlank()) {
            add(new CouncilIndex(client));
            return;
        }
        CouncilClient.PublicPage page;
        try {
            page = client.publicPage(councilId);
        } catch (GatewayException e) {
            Paragraph problem = new Paragraph(e.getMessage());
            problem.setId("council-public-message");
            add(new H1("老友议事会公开栏"), problem);
            return;
        }
        H1 title = new H1(page.name() + (page.regionName() != null ? "（" + page.regionName() + "）" : ""));
        title.setId("council-public-name");
        Paragraph rules = new Paragraph("表决规则：" + page.rules());
        Paragraph charter = new Paragraph(page.charter());
        charter.setId("council-public-charter");
        charter.getStyle().set("white-space", "pre-wrap");
        Anchor index = new Anchor(ROUTE, "查看全市老友议事会");
        index.setId("council-public-index-link");
        add(index, title, rules, new H4("章程"), charter, new H3("征集中与已采纳的议题"));
        List<CouncilClient.Topic> open = page.openTopics();
        if (open.isEmpty()) {
            add(new Paragraph("暂无议题。"));
        }
        for (int i = 0; i < open.size(); i++) {
            add(topic(open.get(i), i < OPINION_TOPICS));
        }
        if (!page.closedTopics().isEmpty()) {
            add(new H3("已合并或未采纳的议题"));
            page.closedTopics().forEach(t -> add(topic(t, false)));
        }
        if (!page.hiddenTopics().isEmpty()) {
            add(new H3("已隐藏的议题"));
            page.hiddenTopics().forEach(h -> {
                Paragraph line = new Paragraph(Texts.time(h.hiddenAt()) + " 隐藏，理由：" + h.reason());
                line.addClassName("public-hidden-topic");
                add(line);
            });
        }
        add(new H3("已公开的决议"));
        if (page.resolutions().isEmpty()) {
            add(new Paragraph("暂无已公开的决议。"));
        }
        page.resolutions().stream().limit(OPINION_TOPICS).forEach(d -> add(resolution(d)));
        if (!page.upcomingMeetings().isEmpty()) {
            add(new H3("近期会议"));
            page.upcomingMeetings().forEach(m -> add(new Paragraph(Texts.time(m.startsAt()) + " " + m.title() + "（" + m.place() + "）")));
        }
    }

    /** A published resolution: its text, then the implementation timeline with the photos of each update. */
    private Div resolution(CouncilClient.DecisionSummary summary) {
        Div box = new Div();
        box.addClassName("public-resolution");
        H4 heading = new H4(summary.title() + " —— " + summary.statusLabel() + "，实施进度 " + summary.progress() + "%");
        box.add(heading);
        try {
            CouncilClient.Decision decision = client.publicDecision(summary.id());
            if (decision.resolution() != null) {
                Paragraph text = new Paragraph("决议内容（" + cn.nanning.civic.portal.ui.Times.day(decision.resolution().publishedAt()) + " 公开）："
                        + decision.resolution().content());
                text.addClassName("public-resolution-text");
                text.getStyle().set("white-space", "pre-wrap");
                box.add(text);
            }
            // The resolution has its own field; other publications (实施结果公开) still come from the register.
            decision.register().stream().filter(s -> s.content() != null && !"RESOLUTION_PUBLISHED".equals(s.step())).forEach(s -> {
                Paragraph text = new Paragraph(s.stepLabel() + "：" + s.content());
                text.getStyle().set("white-space", "pre-wrap");
                box.add(text);
            });
            for (CouncilClient.Progress p : decision.progressUpdates()) {
                box.add(new Paragraph(p.occurredOn() + " 进度 " + p.percent() + "%：" + p.note()));
                for (CouncilClient.Photo photo : p.photos()) {
                    Image image = new Image(DownloadHandler.fromInputStream(event -> {
                        byte[] bytes = client.publicPhoto(photo);
                        return new DownloadResponse(new ByteArrayInputStream(bytes), "photo", photo.contentType(), bytes.length);
                    }).inline(), "实施现场照片");
                    image.addClassName("public-photo");
                    image.setMaxWidth("320px");
                    box.add(image);
                }
            }
        } catch (GatewayException e) {
            box.add(new Paragraph(e.getMessage()));
        }
        return box;
    }

    private Div topic(CouncilClient.Topic t, boolean withOpinions) {
        Div box = new Div();
        box.addClassName("public-topic");
        H4 heading = new H4(t.title());
        heading.addClassName("public-topic-title");
        Paragraph description = new Paragraph(t.description());
        description.addClassName("public-topic-description");
        Paragraph meta = new Paragraph(t.statusLabel() + " · " + t.sourceLabel() + " · 附议 " + t.supports() + " 人"
                + (t.publicReason() != null ? " · 理由：" + t.publicReason() : ""));
        box.add(heading, description, meta);
        if (withOpinions) {
            try {
                for (CouncilClient.Opinion o : client.publicOpinions(t.id())) {
                    Paragraph opinion = new Paragraph(o.content());
                    opinion.addClassName("public-opinion");
                    box.add(opinion);
                }
            } catch (GatewayException e) {
                box.add(new Paragraph(e.getMessage()));
            }
        }
        return box;
    }
}
