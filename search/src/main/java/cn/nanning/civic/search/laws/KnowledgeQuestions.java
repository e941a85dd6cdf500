package cn.nanning.civic.search.laws;

import cn.nanning.civic.search.knowledge.AnswerSettings;
import cn.nanning.civic.search.knowledge.KnowledgeBase;
import cn.nanning.civic.search.knowledge.KnowledgeEntry;
import cn.nanning.civic.search.knowledge.KnowledgeFile;
import cn.nanning.civic.search.knowledge.KnowledgeStore;
import co.elastic.clients.elasticsearch.ElasticsearchClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * The knowledge base as answered questions (document expansion): the phrasings of every entry law search uses
 * (bundled, the extra file {@code CIVIC_SEARCH_ANSWERS_FILE}, administrators' in Elasticsearch) on the articles the
 * entry cites. {@code ./civic load-laws} indexes them next to the answered-questions file; an administrator's change
 * reaches this field at the next {@code load-laws --questions-only} (the knowledge-base stage of law search sees it
 * at once).
 */
public final class KnowledgeQuestions {

    private KnowledgeQuestions() {
    }

    /** Every entry search uses now. */
    public static List<KnowledgeEntry> entries(ElasticsearchClient client, String answersIndex, String extraFile) throws IOException {
        List<KnowledgeEntry> extra = extraFile == null || extraFile.isBlank() || !Files.isReadable(Path.of(extraFile))
                ? List.of() : KnowledgeFile.read(Path.of(extraFile));
        return KnowledgeBase.merge(KnowledgeFile.bundled(), extra,
                new KnowledgeStore(client, new AnswerSettings(answersIndex, extraFile == null ? "" : extraFile, true)).all());
    }

    /** The phrasings that pass {@code include} as answered questions (cross-validation leaves some out). */
    public static AnsweredQuestions of(List<KnowledgeEntry> entries, Predicate<String> include) {
        return AnsweredQuestions.of(entries.stream().map(e -> new KnowledgeEntry(e.id(), e.topic(),
                e.questions().stream().filter(include).toList(), e.articles(), e.answer(), e.nextStep())).toList());
    }
}
