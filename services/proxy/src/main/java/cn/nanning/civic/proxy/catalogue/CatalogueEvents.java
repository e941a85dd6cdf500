package cn.nanning.civic.proxy.catalogue;

/** The catalogue's published events (topic {@value #TOPIC}, key = item code). */
public final class CatalogueEvents {
    public static final String TOPIC = "proxy.catalogue-item.v1";
    public static final String PUBLISHED = "CatalogueItemPublished";
    public static final String RETIRED = "CatalogueItemRetired";

    private CatalogueEvents() {
    }
}
