package cn.nanning.civic.appointments;

import cn.nanning.civic.appointments.legalaid.ExemptGround;
import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The exempt grounds quote 中华人民共和国法律援助法 word for word, from the law text in the data directory. */
class ExemptGroundsTest {

    @Test
    void everyExemptGroundQuotesItsArticleOfTheLegalAidLaw() throws Exception {
        Path laws = Path.of(System.getProperty("civic.data-dir", "../../../shared/data")).resolve("laws.jsonl.gz");
        Map<?, ?> law = null;
        JsonMapper json = JsonMapper.createDefault();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(laws)), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.contains("\"title\": \"中华人民共和国法律援助法\"")) {
                    law = json.readValue(line, Map.class);
                    break;
                }
            }
        }
        assertThat(law).as("法律援助法 in laws.jsonl.gz").isNotNull();
        List<?> articles = (List<?>) law.get("articles");
        for (ExemptGround ground : ExemptGround.values()) {
            String text = articles.stream().map(a -> (Map<?, ?>) a).filter(a -> ground.article().equals(a.get("no")))
                    .map(a -> a.get("text").toString()).findFirst().orElseThrow();
            assertThat(text).as(ground.name()).containsAnyOf("）" + ground.label() + "；", "）" + ground.label() + "。");
        }
    }
}
