package cn.nanning.civic.search.laws;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which versions are in force, as the real corpus says it (laws.jsonl.gz read in place). */
class LawVersionsTest {

    static final LawVersions VERSIONS = new LawVersions(LawSlice.dataDir().toString());

    private static LawVersions.Version newest(String title) {
        List<LawVersions.Version> versions = VERSIONS.versionsOf(title);
        assertThat(versions).as(title).isNotEmpty();
        return versions.getFirst();
    }

    @Test
    void a_law_named_in_a_newer_laws_repeal_clause_is_repealed_and_names_its_successor() {
        LawVersions.Version old = newest("中华人民共和国环境噪声污染防治法");
        LawVersions.Version successor = newest("中华人民共和国噪声污染防治法");

        assertThat(old.status()).isEqualTo(LawVersions.REPEALED);
        assertThat(old.statusLabel()).isEqualTo("已废止");
        assertThat(old.repealedByLawId()).isEqualTo(successor.lawId());
        assertThat(successor.status()).isEqualTo(LawVersions.CURRENT);
    }

    @Test
    void a_repeal_clause_naming_the_law_itself_repeals_only_its_older_text() {
        // "本条例自2016年5月1日起施行。…的《上海市老年人权益保障条例》同时废止。"
        assertThat(newest("上海市老年人权益保障条例").status()).isEqualTo(LawVersions.CURRENT);
    }

    @Test
    void of_two_laws_naming_each_other_as_repealed_the_newer_one_stands() {
        // The regulation (2014, amended 2019) repealed the 2004 implementing measures; new implementing measures of
        // 2024 ("本办法自2025年1月1日起施行。《北京市动物防疫条例》同时废止。") repealed the regulation in turn.
        assertThat(newest("北京市实施《中华人民共和国动物防疫法》办法").status()).isEqualTo(LawVersions.CURRENT);
        LawVersions.Version regulation = newest("北京市动物防疫条例");
        assertThat(regulation.status()).isEqualTo(LawVersions.REPEALED);
        assertThat(regulation.note()).contains("北京市实施《中华人民共和国动物防疫法》办法");
    }

    @Test
    void interpretations_of_laws_the_civil_code_repealed_are_no_longer_in_force_and_say_why() {
        for (String title : List.of("最高人民法院关于适用《中华人民共和国合同法》若干问题的解释（二）",
                "最高人民法院关于适用《中华人民共和国婚姻法》若干问题的解释（三）",
                "最高人民法院关于适用《中华人民共和国担保法》若干问题的解释")) {
            LawVersions.Version v = newest(title);
            assertThat(v.status()).as(title).isEqualTo(LawVersions.REPEALED);
            assertThat(v.statusLabel()).isEqualTo("已失效");
            assertThat(v.note()).contains("中华人民共和国民法典").contains("2021-01-01");
        }
        assertThat(newest("最高人民法院关于适用《中华人民共和国民法典》婚姻家庭编的解释（一）").status()).isEqualTo(LawVersions.CURRENT);
    }

    @Test
    void older_versions_point_to_the_version_in_force_and_a_second_copy_of_one_version_is_listed_under_the_first() {
        List<LawVersions.Version> property = VERSIONS.versionsOf("上海市住宅物业管理规定");
        assertThat(property).hasSize(2);
        assertThat(property.get(1).status()).isEqualTo(LawVersions.HISTORICAL);
        assertThat(property.get(1).statusLabel()).isEqualTo("已被修改");
        assertThat(property.get(1).currentLawId()).isEqualTo(property.get(0).lawId());

        List<LawVersions.Version> advertising = VERSIONS.versionsOf("中华人民共和国广告法");
        assertThat(advertising).hasSize(2);
        assertThat(advertising.get(1).status()).isEqualTo(LawVersions.CURRENT);
        assertThat(advertising.get(1).currentLawId()).isEqualTo(advertising.get(0).lawId());
    }

    @Test
    void the_labels_are_chinese_for_every_status() {
        assertThat(LawVersions.label(LawVersions.CURRENT)).isEqualTo("现行有效");
        assertThat(LawVersions.label(LawVersions.HISTORICAL)).isEqualTo("已被修改");
        assertThat(LawVersions.label(LawVersions.REPEALED)).isEqualTo("已废止");
    }

    @Test
    void without_the_corpus_nothing_is_known_and_nothing_fails() {
        LawVersions none = new LawVersions("/nonexistent-civic-data");

        assertThat(none.of("anything")).isEmpty();
        assertThat(none.versionsOf("中华人民共和国劳动法")).isEmpty();
        assertThat(none.repealedIds()).isEmpty();
    }
}
