package cn.nanning.civic.portal.proxy;

import cn.nanning.civic.portal.gateway.ProxyRequestSummary;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the clerk's panel says per checklist line: uploaded (with the files to open) or still missing; loose uploads apart. */
class ChecklistLineTest {

    private static final Instant AT = Instant.parse("2026-12-07T02:00:00Z");

    @Test
    void eachLineSaysWhetherItWasUploadedAndCarriesItsFiles() {
        ProxyClient.Material idCard = file("f1", "居民身份证", "身份证正面.jpg");
        ProxyClient.Material idBack = file("f2", "居民身份证", "身份证反面.jpg");
        ProxyClient.Material loose = file("f0", null, "情况说明.pdf");
        List<ProxyRequestSummary.Material> checklist = List.of(
                line("居民身份证", false, idCard, idBack),
                line("户口簿", false),
                line("银行卡", true));

        List<ChecklistLine> lines = ChecklistLine.of(checklist, List.of(loose, idCard, idBack));

        assertThat(lines).extracting(ChecklistLine::name).containsExactly("居民身份证", "户口簿", "银行卡");
        assertThat(lines).extracting(ChecklistLine::state).containsExactly("已上传 2 份", "尚未上传", "已核对原件（未上传）");
        assertThat(lines.get(0).files()).extracting(ProxyClient.Material::displayName).containsExactly("身份证正面.jpg", "身份证反面.jpg");
        assertThat(lines.get(1).files()).isEmpty();
        assertThat(ChecklistLine.loose(checklist, List.of(loose, idCard, idBack))).containsExactly(loose);
    }

    @Test
    void oldLooseUploadsStillShowAndAnEmptyRequestHasNoLines() {
        ProxyClient.Material old = file("f9", null, "旧材料.png");
        ProxyClient.Material elsewhere = file("f8", "已从清单删除的一项", "其他.png");

        assertThat(ChecklistLine.of(List.of(), List.of(old))).isEmpty();
        assertThat(ChecklistLine.loose(List.of(), List.of(old, elsewhere))).containsExactly(old, elsewhere);
        assertThat(ChecklistLine.of(List.of(line("户口簿", true)), List.of())).singleElement()
                .satisfies(l -> assertThat(l.state()).isEqualTo("已核对原件（未上传）"));
        assertThat(ChecklistLine.loose(List.of(), List.of())).isEmpty();
    }

    @Test
    void aLineWhoseUploadIsNotInTheListShowsAsMissing() {
        ProxyRequestSummary.Material line = line("户口簿", false, file("gone", "户口簿", "户口簿.jpg"));
        assertThat(ChecklistLine.of(List.of(line), List.of())).singleElement()
                .satisfies(l -> assertThat(l.state()).isEqualTo("尚未上传"));
    }

    private static ProxyRequestSummary.Material line(String name, boolean ticked, ProxyClient.Material... uploads) {
        return new ProxyRequestSummary.Material(name, ticked, uploads.length > 0,
                java.util.Arrays.stream(uploads).map(f -> new ProxyRequestSummary.Upload(f.id(), f.displayName(), f.uploadedAt())).toList());
    }

    private static ProxyClient.Material file(String id, String line, String name) {
        return new ProxyClient.Material(id, line, name, name.endsWith(".pdf") ? "application/pdf" : "image/jpeg", 2048, AT);
    }
}
