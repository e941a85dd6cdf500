package cn.nanning.civic.proxy.catalogue;

import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.kernel.audit.AuditEntry;
import cn.nanning.civic.kernel.audit.AuditLog;
import cn.nanning.civic.kernel.outbox.Outbox;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** Publishing, changing and retiring catalogue items; each change leaves through the outbox in the same transaction. */
@Singleton
public class Catalogue {

    private final CatalogueItemRepository items;
    private final Outbox outbox;
    private final AuditLog audit;

    Catalogue(CatalogueItemRepository items, Outbox outbox, AuditLog audit) {
        this.items = items;
        this.outbox = outbox;
        this.audit = audit;
    }

    @Transactional
    public CatalogueItem publish(CatalogueItemDraft draft, String actor) {
        if (items.existsById(draft.code())) {
            throw ProblemException.conflict("catalogue-item-exists", "事项编码 " + draft.code() + " 已存在，请使用修改功能。");
        }
        CatalogueItem item = items.save(toItem(draft, 1));
        saveBundle(draft);
        outbox.add(CatalogueEvents.TOPIC, item.code(), CatalogueEvents.PUBLISHED, "item", item);
        audit.record(new AuditEntry(actor, null, "catalogue.publish", "catalogue_item", item.code(), AuditEntry.Outcome.SUCCESS, null));
        return item;
    }

    @Transactional
    public CatalogueItem change(String code, CatalogueItemDraft draft, String actor) {
        if (!code.equals(draft.code())) {
            throw ProblemException.invalidField("code", "事项编码不能修改。");
        }
        CatalogueItem current = find(code);
        CatalogueItem changed = items.update(toItem(draft, current.version() + 1));
        saveBundle(draft);
        outbox.add(CatalogueEvents.TOPIC, code, CatalogueEvents.PUBLISHED, "item", changed);
        audit.record(new AuditEntry(actor, null, "catalogue.change", "catalogue_item", code, AuditEntry.Outcome.SUCCESS, null));
        return changed;
    }

    @Transactional
    public void retire(String code, String actor) {
        CatalogueItem current = find(code);
        CatalogueItem retired = items.update(new CatalogueItem(current.code(), current.name(), current.type(), current.department(),
                current.implementingLevel(), current.legalBasis(), current.conditions(), current.materials(), current.fee(),
                current.timeLimitDays(), current.visits(), current.proxyAllowed(), current.contact(), true,
                current.version() + 1, now()));
        outbox.add(CatalogueEvents.TOPIC, code, CatalogueEvents.RETIRED, "item", Map.of("code", code, "version", retired.version()));
        audit.record(new AuditEntry(actor, null, "catalogue.retire", "catalogue_item", code, AuditEntry.Outcome.SUCCESS, null));
    }

    @Transactional(readOnly = true)
    public CatalogueItem find(String code) {
        return items.findById(code)
                .filter(item -> !item.retired())
                .orElseThrow(() -> ProblemException.notFound("服务事项 " + code + " 不存在或已下线。"));
    }

    /**
     * An item as staff may read it: a retired (unpublished) item too, for those who maintain the catalogue. Residents and
     * anonymous callers read only published items through {@link #find(String)}.
     */
    @Transactional(readOnly = true)
    public CatalogueItem findIncludingRetired(String code) {
        return items.findById(code).orElseThrow(() -> ProblemException.notFound("服务事项 " + code + " 不存在或已下线。"));
    }

    /**
     * The item's required materials as a checklist: the catalogue keeps them in one text separated by the Chinese (or
     * Latin) semicolon; the lines are stripped and empty ones dropped.
     */
    public static List<String> materialsList(CatalogueItem item) {
        return materialsList(item.materials());
    }

    static List<String> materialsList(String materials) {
        if (materials == null || materials.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(materials.split("[；;]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The items a bundle covers, in order; empty for an ordinary item. */
    @Transactional(readOnly = true)
    public List<String> bundleParts(String code) {
        return items.bundleParts(code);
    }

    private void saveBundle(CatalogueItemDraft draft) {
        items.clearBundle(draft.code());
        List<String> parts = draft.bundleOf() == null ? List.of() : draft.bundleOf();
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (part.equals(draft.code()) || !isLive(part) || !items.bundleParts(part).isEmpty()) {
                throw ProblemException.invalidField("bundleOf", "打包事项只能包含已上线的普通事项，" + part + " 不符合。");
            }
            items.addBundlePart(draft.code(), i, part);
        }
    }

    /** Whether the code names a live (not retired) catalogue item. */
    @Transactional(readOnly = true)
    public boolean isLive(String code) {
        return items.findById(code).filter(item -> !item.retired()).isPresent();
    }

    private static CatalogueItem toItem(CatalogueItemDraft d, long version) {
        return new CatalogueItem(d.code(), d.name().strip(), d.type(), d.department(), d.implementingLevel(), d.legalBasis(),
                d.conditions(), d.materials(), d.fee(), d.timeLimitDays(), d.visits(), d.proxyAllowed(), d.contact(), false,
                version, now());
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
