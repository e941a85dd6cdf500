package cn.nanning.civic.search.laws;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * Which version of a law is in force, read from the corpus itself ({@code laws.jsonl.gz}, in place) when first asked.
 * The corpus's own {@code status} only says whether a record is the newest version of its title (older versions are
 * marked 历史版本). Two more things the corpus says in its texts:
 * <ul>
 *   <li>a law in force that ends with a repeal clause — "本条例自…起施行。《甲》同时废止。" — repeals 《甲》: every version of
 *   that title is {@link #REPEALED} (已废止) once the repealing law has taken effect and is newer than it;</li>
 *   <li>a judicial interpretation of a law repealed that way ("关于适用《中华人民共和国合同法》…的解释", the Civil Code
 *   repealing the Contract Law) interprets a law that no longer exists: it is {@link #REPEALED} too, labelled 已失效 with a
 *   note naming the repeal (the Supreme People's Court repealed these interpretations when the Civil Code took effect).</li>
 * </ul>
 * Nothing is guessed beyond that: a law the corpus never names as repealed stays 现行有效.
 */
@Singleton
public class LawVersions {

    private static final Logger LOG = LoggerFactory.getLogger(LawVersions.class);

    public static final String CURRENT = LawStatus.CURRENT;
    public static final String HISTORICAL = LawStatus.HISTORICAL;
    public static final String REPEALED = "repealed";

    private static final Pattern TITLE = Pattern.compile("《([^》]+)》");
    /** A sentence that ends by repealing what it names: "…《甲》、《乙》同时废止". */
    private static final Pattern REPEALS = Pattern.compile("(同时|予以|即行|一并)?废止[）)]?$");
    private static final Pattern SENTENCES = Pattern.compile("[。；\\n]");
    /** A judicial interpretation of one law: "最高人民法院关于适用《中华人民共和国婚姻法》若干问题的解释（一）". */
    private static final Pattern INTERPRETS = Pattern.compile("关于适用《([^》]+)》");
    private static final String INTERPRETATION = "司法解释";

    /** One version of a law and what the corpus says about it being in force. */
    public record Version(String lawId, String title, @Nullable String category, @Nullable String effective,
                          @Nullable String promulgated, String status, String statusLabel, @Nullable String note,
                          @Nullable String currentLawId, @Nullable String repealedByLawId, @Nullable String repealedOn) {

        boolean inForce() {
            return CURRENT.equals(status);
        }

        @Nullable String date() {
            return effective != null ? effective : promulgated;
        }
    }

    private final Path file;
    private volatile Register register;

    LawVersions(@Value("${civic.search.laws.data-dir:../shared/data}") String dataDir) {
        this.file = Path.of(dataDir).resolve(LawLoader.FILE_NAME);
    }

    /** Reads the corpus in the background when the service starts, so that the first question does not wait for it. */
    @EventListener
    void warm(StartupEvent started) {
        Thread.ofVirtual().name("law-versions").start(this::register);
    }

    /** The version with this id; empty when the corpus file is not readable here or lacks the id. */
    public Optional<Version> of(String lawId) {
        return Optional.ofNullable(register().byId.get(lawId));
    }

    /** Every version of a title, the one in force (or the newest) first. */
    public List<Version> versionsOf(String title) {
        return register().byTitle.getOrDefault(title, List.of());
    }

    /** The versions the corpus says were repealed (their records are the newest of their titles). */
    Set<String> repealedIds() {
        return register().repealed;
    }

    /** The Chinese label of a status value of the indices or of this register. */
    /** How a version stands, as every answer shows it (search hits, an article's law, a law's contents). */
    public record Standing(String status, String statusLabel, @Nullable String note, @Nullable String currentLawId,
                           @Nullable String repealedByLawId) {
    }

    /** The version's standing from the register, or — for a law the register does not know — from the index's status. */
    public Standing standing(@Nullable String lawId, @Nullable String indexStatus) {
        Optional<Version> version = lawId == null ? Optional.empty() : of(lawId);
        return version.map(v -> new Standing(v.status(), v.statusLabel(), v.note(), v.currentLawId(), v.repealedByLawId()))
                .orElseGet(() -> fromIndex(indexStatus));
    }

    /** The standing the index alone gives (no register loaded): its status, current when it has none. */
    public static Standing fromIndex(@Nullable String indexStatus) {
        String status = indexStatus == null ? LawStatus.CURRENT : indexStatus;
        return new Standing(status, label(status), null, null, null);
    }

    /** The other versions of a title, for the answer about one of them. */
    List<LawSearchResults.OtherVersion> othersOf(@Nullable String title, @Nullable String lawId) {
        return title == null ? List.of() : versionsOf(title).stream().filter(v -> !v.lawId().equals(lawId))
                .map(LawSearchResults.OtherVersion::of).toList();
    }

    public static String label(@Nullable String status) {
        if (status == null) {
            return "现行有效";
        }
        return switch (status) {
            case HISTORICAL -> "已被修改";
            case REPEALED -> "已废止";
            default -> "现行有效";
        };
    }

    private Register register() {
        Register r = register;
        if (r == null) {
            synchronized (this) {
                r = register;
                if (r == null) {
                    r = read(file, LocalDate.now(ZoneId.of("Asia/Shanghai")));
                    register = r;
                }
            }
        }
        return r;
    }

    private record Register(Map<String, Version> byId, Map<String, List<Version>> byTitle, Set<String> repealed) {
    }

    private record Repeal(String byLawId, String byTitle, @Nullable String on) {
    }

    static Register read(Path file, LocalDate today) {
        if (!Files.isReadable(file)) {
            LOG.warn("{} is not readable: law versions fall back to the indices' status (no repeals known)", file.toAbsolutePath());
            return new Register(Map.of(), Map.of(), Set.of());
        }
        long started = System.nanoTime();
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        List<LawRecord> laws = new ArrayList<>();
        Map<String, Repeal> repealedTitles = new HashMap<>();
        try (InputStream raw = Files.newInputStream(file);
             BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw, 1 << 16), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                LawRecord law = json.readValue(line, LawRecord.class);
                if (LawStatus.CURRENT.equals(law.normalizedStatus())) {
                    repeals(law, today).forEach(t -> repealedTitles.putIfAbsent(t,
                            new Repeal(law.id(), law.title(), date(law))));
                }
                // Articles are not kept: only what tells versions apart.
                laws.add(new LawRecord(law.id(), law.title(), law.category(), law.subcategory(), law.region(), law.issuer(),
                        law.promulgated(), law.effective(), law.status(), List.of(), List.of()));
            }
        } catch (IOException e) {
            LOG.warn("Could not read {}: law versions fall back to the indices' status", file.toAbsolutePath(), e);
            return new Register(Map.of(), Map.of(), Set.of());
        }
        Map<String, List<LawRecord>> byTitle = laws.stream().collect(Collectors.groupingBy(LawRecord::title, LinkedHashMap::new, Collectors.toList()));
        Map<String, Version> byId = new HashMap<>();
        Map<String, List<Version>> versions = new HashMap<>();
        Set<String> repealed = new java.util.HashSet<>();
        for (Map.Entry<String, List<LawRecord>> group : byTitle.entrySet()) {
            List<LawRecord> records = new ArrayList<>(group.getValue());
            // In force first, then the newest.
            records.sort(Comparator.comparing((LawRecord l) -> !LawStatus.CURRENT.equals(l.normalizedStatus()))
                    .thenComparing(l -> Optional.ofNullable(date(l)).orElse(""), Comparator.reverseOrder()));
            LawRecord newest = records.getFirst();
            Repeal repeal = repealedTitles.get(group.getKey());
            // A repeal names a title; it applies when the repealing law is newer than the version it would repeal.
            if (repeal != null && !newer(repeal.on(), date(newest))) {
                repeal = null;
            }
            String note = null;
            if (repeal == null && INTERPRETATION.equals(newest.category())) {
                Matcher interprets = INTERPRETS.matcher(group.getKey());
                if (interprets.find()) {
                    Repeal base = repealedTitles.get(interprets.group(1));
                    if (base != null && byTitle.get(interprets.group(1)) == null) {
                        repeal = base;
                        note = "所解释的《" + interprets.group(1) + "》已由《" + base.byTitle() + "》废止"
                                + (base.on() == null ? "" : "（" + base.on() + " 起）") + "，本解释随之失效";
                    }
                }
            }
            List<Version> list = new ArrayList<>();
            for (LawRecord l : records) {
                boolean inForceRecord = l == newest && LawStatus.CURRENT.equals(l.normalizedStatus());
                Version v;
                if (inForceRecord && repeal != null) {
                    String label = note == null ? "已废止" : "已失效";
                    String why = note != null ? note : "已由《" + repeal.byTitle() + "》废止" + (repeal.on() == null ? "" : "（" + repeal.on() + " 起）");
                    v = new Version(l.id(), l.title(), l.category(), l.effective(), l.promulgated(), REPEALED, label, why,
                            null, repeal.byLawId(), repeal.on());
                    repealed.add(l.id());
                } else if (inForceRecord) {
                    v = new Version(l.id(), l.title(), l.category(), l.effective(), l.promulgated(), CURRENT, label(CURRENT),
                            null, null, null, null);
                } else if (LawStatus.CURRENT.equals(l.normalizedStatus())) {
                    // The corpus holds the same version twice (filed under two subjects): a copy, shown under the first.
                    v = new Version(l.id(), l.title(), l.category(), l.effective(), l.promulgated(), CURRENT, label(CURRENT),
                            "同一版本的另一份收录", newest.id(), null, null);
                } else {
                    v = new Version(l.id(), l.title(), l.category(), l.effective(), l.promulgated(), HISTORICAL, label(HISTORICAL),
                            "已有新版本", newest.id(), null, null);
                }
                list.add(v);
                byId.put(l.id(), v);
            }
            versions.put(group.getKey(), List.copyOf(list));
        }
        LOG.info("Law versions: {} laws, {} titles, {} repealed by the corpus's own repeal clauses (read in {} ms)", byId.size(),
                versions.size(), repealed.size(), (System.nanoTime() - started) / 1_000_000);
        return new Register(Map.copyOf(byId), Map.copyOf(versions), Set.copyOf(repealed));
    }

    /** The titles a law's repeal clauses name (not its own title: that repeals an older version of itself). */
    static List<String> repeals(LawRecord law, LocalDate today) {
        String on = date(law);
        if (on != null && on.compareTo(today.toString()) > 0) {
            return List.of();
        }
        List<String> titles = new ArrayList<>();
        Collection<LawRecord.Article> articles = law.articles() == null ? List.of() : law.articles();
        for (LawRecord.Article article : articles) {
            if (article.text() == null || !article.text().contains("废止")) {
                continue;
            }
            for (String sentence : SENTENCES.split(article.text())) {
                String s = sentence.strip();
                if (!REPEALS.matcher(s).find()) {
                    continue;
                }
                Matcher m = TITLE.matcher(s);
                while (m.find()) {
                    String title = m.group(1).replace('〈', '《').replace('〉', '》');
                    if (!title.equals(law.title())) {
                        titles.add(title);
                    }
                }
            }
        }
        return titles;
    }

    private static boolean newer(@Nullable String repealedOn, @Nullable String versionDate) {
        return repealedOn == null || versionDate == null || repealedOn.compareTo(versionDate) > 0;
    }

    private static @Nullable String date(LawRecord law) {
        return law.effective() != null && !law.effective().isBlank() ? law.effective()
                : law.promulgated() != null && !law.promulgated().isBlank() ? law.promulgated() : null;
    }
}
