package cn.nanning.civic.proxy.catalogue;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Our standard catalogue of common items residents ask for (written in our own words, with the standard catalogue
 * elements). Items that are missing are published at start-up through the normal path (outbox → search); items
 * administrators have edited are left alone.
 */
@Singleton
@Requires(property = "civic.catalogue.load-standard", notEquals = "false")
class StandardCatalogue {

    private static final Logger LOG = LoggerFactory.getLogger(StandardCatalogue.class);
    static final String RESOURCE = "/catalogue/standard-catalogue.json";

    private final Catalogue catalogue;
    private final CatalogueItemRepository items;
    private final JsonMapper json;

    StandardCatalogue(Catalogue catalogue, CatalogueItemRepository items, JsonMapper json) {
        this.catalogue = catalogue;
        this.items = items;
        this.json = json;
    }

    @EventListener
    void onStartup(StartupEvent event) throws IOException {
        List<CatalogueItemDraft> drafts;
        try (InputStream in = getClass().getResourceAsStream(RESOURCE)) {
            drafts = json.readValue(in, Argument.listOf(CatalogueItemDraft.class));
        }
        int added = 0;
        // Bundles refer to their parts, so plain items go first.
        for (boolean bundles : new boolean[]{false, true}) {
            for (CatalogueItemDraft draft : drafts) {
                boolean isBundle = draft.bundleOf() != null && !draft.bundleOf().isEmpty();
                if (isBundle == bundles && !items.existsById(draft.code())) {
                    catalogue.publish(draft, "standard-catalogue");
                    added++;
                }
            }
        }
        LOG.info("Standard catalogue: {} items published, {} already present", added, drafts.size() - added);
    }
}
