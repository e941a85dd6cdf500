package cn.nanning.civic.search.catalogue;

/**
 * What the catalogue index stores per item (serialised by the Elasticsearch client's Jackson mapper).
 * A retired item stays as a tombstone ({@code retired = true}) so that its external version keeps
 * blocking older, replayed events for good; Elasticsearch forgets deleted versions after {@code index.gc_deletes}.
 */
record CatalogueDocument(
        String code,
        String name,
        String type,
        String department,
        String implementingLevel,
        String legalBasis,
        String conditions,
        String materials,
        String fee,
        Integer timeLimitDays,
        Integer visits,
        Boolean proxyAllowed,
        String contact,
        long version,
        String updatedAt,
        boolean retired) {

    static CatalogueDocument published(CatalogueEvent.Item item, String updatedAt) {
        return new CatalogueDocument(item.code(), item.name(), item.type(), item.department(), item.implementingLevel(),
                item.legalBasis(), item.conditions(), item.materials(), item.fee(), item.timeLimitDays(), item.visits(),
                Boolean.TRUE.equals(item.proxyAllowed()), item.contact(), item.version(), updatedAt, false);
    }

    static CatalogueDocument tombstone(String code, long version, String updatedAt) {
        return new CatalogueDocument(code, null, null, null, null, null, null, null, null, null, null, null, null,
                version, updatedAt, true);
    }
}
