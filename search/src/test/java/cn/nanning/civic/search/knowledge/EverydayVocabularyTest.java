package cn.nanning.civic.search.knowledge;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The everyday → legal vocabulary is derived from the knowledge base and stays grounded in it. */
class EverydayVocabularyTest {

    @Test
    void every_word_is_used_by_residents_in_the_knowledge_base_and_every_term_by_the_articles_they_were_answered_with() {
        List<KnowledgeEntry> entries = KnowledgeFile.bundled();
        Map<String, Corpus.Law> laws = Corpus.laws();
        List<String> ungrounded = new ArrayList<>();
        Map<String, List<String>> terms = new EverydayVocabulary().terms();
        terms.forEach((word, legal) -> {
            List<KnowledgeEntry> using = entries.stream().filter(e -> e.questions().stream().anyMatch(q -> q.contains(word))).toList();
            if (using.isEmpty()) {
                ungrounded.add(word + ": no phrasing uses it");
            }
            for (String term : legal) {
                boolean cited = using.stream().flatMap(e -> e.articles().stream())
                        .anyMatch(a -> laws.get(a.lawId()).articles().getOrDefault(a.no(), "").contains(term));
                if (!cited) {
                    ungrounded.add(word + " => " + term + ": no article cited for it says so");
                }
            }
        });
        assertThat(ungrounded).isEmpty();
        assertThat(terms).hasSizeGreaterThan(100).containsKeys("家暴", "年假", "讨薪", "开除");
    }

    @Test
    void a_question_gets_the_legal_terms_of_its_everyday_words_and_nothing_it_already_says() {
        EverydayVocabulary vocabulary = new EverydayVocabulary(Map.of("家暴", List.of("家庭暴力", "人身安全保护令"), "年假", List.of("年休假")));

        assertThat(vocabulary.expansions("被家暴了怎么申请人身安全保护令")).containsExactly("家庭暴力");
        assertThat(vocabulary.expansions("一年能休几天年假")).containsExactly("年休假");
        assertThat(vocabulary.expansions("邻居太吵")).isEmpty();
    }

    @Test
    void a_line_without_an_arrow_is_refused() {
        assertThatThrownBy(() -> EverydayVocabulary.parse(new BufferedReader(new StringReader("家暴, 家庭暴力\n"))))
                .isInstanceOf(IOException.class).hasMessageContaining("=>");
    }
}
