package cn.nanning.civic.search.semantic;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VectorCacheTest {

    @TempDir
    Path dir;

    private static float[] vector(float first) {
        float[] v = new float[SentenceEmbeddings.DIMENSIONS];
        v[0] = first;
        v[SentenceEmbeddings.DIMENSIONS - 1] = -first;
        return v;
    }

    @Test
    void vectors_written_by_one_run_are_read_by_the_next_and_not_appended_twice() throws IOException {
        try (VectorCache cache = VectorCache.open(dir)) {
            cache.putAll(List.of("甲", "乙"), List.of(vector(1), vector(2)));
            cache.putAll(List.of("甲"), List.of(vector(9)));
        }
        try (VectorCache again = VectorCache.open(dir)) {
            assertThat(again.size()).isEqualTo(2);
            assertThat(again.get("甲")[0]).isEqualTo(1f);
            assertThat(again.get("乙")[SentenceEmbeddings.DIMENSIONS - 1]).isEqualTo(-2f);
            assertThat(again.get("丙")).isNull();
            assertThat(Files.size(again.file())).isEqualTo(2L * (Long.BYTES + SentenceEmbeddings.DIMENSIONS * Float.BYTES));
        }
    }

    @Test
    void a_record_cut_short_by_an_interrupted_run_is_dropped_and_the_file_stays_usable() throws IOException {
        Path file;
        try (VectorCache cache = VectorCache.open(dir)) {
            cache.putAll(List.of("甲"), List.of(vector(1)));
            file = cache.file();
        }
        Files.write(file, new byte[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, StandardOpenOption.APPEND);
        try (VectorCache cache = VectorCache.open(dir)) {
            assertThat(cache.size()).isEqualTo(1);
            cache.putAll(List.of("乙"), List.of(vector(2)));
        }
        try (VectorCache cache = VectorCache.open(dir)) {
            assertThat(cache.size()).isEqualTo(2);
            assertThat(cache.get("乙")[0]).isEqualTo(2f);
        }
    }

    @Test
    void keys_follow_the_passage_text() {
        assertThat(VectorCache.key("第一条")).isNotEqualTo(VectorCache.key("第二条")).isEqualTo(VectorCache.key("第一条"));
    }
}
