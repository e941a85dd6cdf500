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

/** Demo catalogue for `./civic up --seed`: publishes items that are missing, through the normal path (outbox → search). */
@Singleton
@Requires(property = "civic.seed.demo", value = "true")
class CatalogueDemoSeed {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogueDemoSeed.class);

    private final Catalogue catalogue;
    private final CatalogueItemRepository items;
    private final JsonMapper json;

    CatalogueDemoSeed(Catalogue catalogue, CatalogueItemRepository items, JsonMapper json) {
        this.catalogue = catalogue;
        this.items = items;
        this.json = json;
    }

    @EventListener
    void onStartup(StartupEvent event) throws IOException {
        List<CatalogueItemDraft> drafts;
        try (InputStream in = getClass().getResourceAsStream("/seed/catalogue-demo.json")) {
            drafts = json.readValue(in, Argument.listOf(CatalogueItemDraft.class));
        }
        int added = 0;
        for (CatalogueItemDraft draft : drafts) {
            if (!items.existsById(draft.code())) {
                catalogue.publish(draft, "demo-seed");
                added++;
            }
        }
        LOG.info("Demo catalogue: {} items published, {} already present", added, drafts.size() - added);
    }
}
