package cn.nanning.civic.search.synonyms;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SynonymsTest {

    @Test
    void everyday_words_bring_in_the_official_terms_of_their_groups() {
        Synonyms synonyms = new Synonyms();

        assertThat(synonyms.expansions("老板不给工资怎么办")).contains("用人单位", "劳动报酬").doesNotContain("老板", "工资");
    }

    @Test
    void text_without_a_listed_word_adds_nothing() {
        assertThat(new Synonyms().expansions("居住证签注")).isEmpty();
        assertThat(new Synonyms().expansions("  ")).isEmpty();
    }

    @Test
    void the_file_format_skips_comments_and_single_terms_and_accepts_chinese_commas() throws Exception {
        List<List<String>> groups = Synonyms.parse(new BufferedReader(new StringReader("""
                # comment
                离婚，解除婚姻关系
                孤词

                户口, 户籍
                """)));

        assertThat(groups).containsExactly(List.of("离婚", "解除婚姻关系"), List.of("户口", "户籍"));
    }
}
