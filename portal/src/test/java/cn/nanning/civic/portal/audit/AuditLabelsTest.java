package cn.nanning.civic.portal.audit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class AuditLabelsTest {

    private static final Pattern ENTRY = Pattern.compile("new (?:AuditEntry|AuditLog\\.Entry)\\((.*?)\\);", Pattern.DOTALL);
    private static final Pattern DOTTED = Pattern.compile("\"([a-z]+(?:\\.[a-z-]+)+)\"");
    private static final Pattern CONSTANT = Pattern.compile("static final String [A-Z_]+ = \"([A-Z_]+)\";");

    /** Every operation the services and the gateway write into their audit trails, read from their sources. */
    private static Set<String> recordedActions() throws IOException {
        Set<String> actions = new TreeSet<>();
        Path root = Path.of("..").toAbsolutePath().normalize();
        for (Path dir : new Path[]{root.resolve("services"), root.resolve("gateway/src/main")}) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/")).forEach(f -> {
                    String source = read(f);
                    Matcher entry = ENTRY.matcher(source);
                    while (entry.find()) {
                        Matcher literal = DOTTED.matcher(entry.group(1));
                        while (literal.find()) {
                            actions.add(literal.group(1));
                        }
                    }
                    if (f.endsWith("AuditLog.java") || f.endsWith("StaffDirectoryController.java")) {
                        Matcher constant = CONSTANT.matcher(source);
                        while (constant.find()) {
                            if (!Set.of("SUCCESS", "FAILURE").contains(constant.group(1))) {
                                actions.add(constant.group(1));
                            }
                        }
                    }
                });
            }
        }
        return actions;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void every_operation_the_trails_record_has_a_chinese_name() throws IOException {
        Set<String> recorded = recordedActions();
        assertThat(recorded).as("operations found in the sources").contains("SIGN_IN", "proxy.point.open", "council.decision.step")
                .hasSizeGreaterThan(40);
        assertThat(recorded).allSatisfy(code -> assertThat(AuditLabels.ACTIONS).as("label of %s", code).containsKey(code));
        assertThat(AuditLabels.ACTIONS.values()).allSatisfy(label -> assertThat(label).doesNotContainPattern("[A-Za-z]"));
    }

    @Test
    void technical_notes_read_in_chinese_with_names_for_account_ids() {
        Map<String, String> names = Map.of("3f2a9c1e-0b7d-4c55-9a1e-2b3c4d5e6f70", "覃小梅（村(社区)代办员）");
        assertThat(AuditLabels.detail("RESIDENTS_RESOLUTION PASSED", names::get)).isEqualTo("村民会议（代表会议）决议 通过");
        assertThat(AuditLabels.detail("PARTY_REVIEW NO_QUORUM", names::get)).isEqualTo("党员大会审议 到会人数不足");
        assertThat(AuditLabels.detail("password; not_enrolled", names::get)).isEqualTo("密码; 未绑定动态口令");
        assertThat(AuditLabels.detail("roles=CLERK region=450103", names::get)).isEqualTo("角色：村(社区)代办员 区划：450103");
        assertThat(AuditLabels.detail("released 3f2a9c1e-0b7d-4c55-9a1e-2b3c4d5e6f70", names::get)).isEqualTo("已解除 覃小梅（村(社区)代办员）");
        assertThat(AuditLabels.detail("locked for PT15M", names::get)).isEqualTo("锁定 15 分钟");
        assertThat(AuditLabels.detail("resident consent recorded", names::get)).isEqualTo("已记录居民同意");
        assertThat(AuditLabels.detail("some brand_new english note 42", names::get)).as("untranslated words are left out")
                .doesNotContainPattern("[A-Za-z]").contains("42");
        assertThat(AuditLabels.detail("photo 9c1e0b7d-aaaa-4c55-9a1e-2b3c4d5e6f70 误传", names::get))
                .as("an id is kept whole").contains("9c1e0b7d-aaaa-4c55-9a1e-2b3c4d5e6f70");
    }

    @Test
    void roles_operations_objects_and_results_are_chinese() {
        assertThat(AuditLabels.roles("ADMIN,CLERK")).isEqualTo("管理员、村(社区)代办员");
        assertThat(AuditLabels.action("proxy.point.assign")).isEqualTo("安排服务点人员");
        assertThat(AuditLabels.action("made.up.code")).isEqualTo("其他操作");
        assertThat(AuditLabels.target("service_point")).isEqualTo("服务点");
        assertThat(AuditLabels.outcome("DENIED")).isEqualTo("拒绝");
    }
}
