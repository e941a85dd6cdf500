package cn.nanning.civic.devstack;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.elasticsearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.AbstractTokenizerFactory;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Chinese analysis for the embedded node, with the names the official analysis-smartcn plugin and the built-in
 * cjk analyzer use on a normal cluster, so mappings written here stay valid in production:
 * analyzers {@code smartcn} and {@code cjk}, tokenizer {@code smartcn_tokenizer}, token filter {@code smartcn_stop}.
 */
public final class ChineseAnalysisPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        return Map.of(
            "smartcn", (indexSettings, environment, name, settings) -> analyzer(name, SmartChineseAnalyzer::new),
            "cjk", (indexSettings, environment, name, settings) -> analyzer(name, CJKAnalyzer::new));
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        return Map.of("smartcn_tokenizer", (indexSettings, environment, name, settings) -> new AbstractTokenizerFactory(name) {
            @Override
            public Tokenizer create() {
                return new HMMChineseTokenizer();
            }
        });
    }

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of("smartcn_stop", (indexSettings, environment, name, settings) -> new AbstractTokenFilterFactory(name) {
            @Override
            public TokenStream create(TokenStream tokenStream) {
                return new StopFilter(tokenStream, SmartChineseAnalyzer.getDefaultStopSet());
            }
        });
    }

    private static AnalyzerProvider<? extends Analyzer> analyzer(String name, Supplier<Analyzer> factory) {
        Analyzer analyzer = factory.get();
        return new AbstractIndexAnalyzerProvider<>(name) {
            @Override
            public Analyzer get() {
                return analyzer;
            }
        };
    }
}
