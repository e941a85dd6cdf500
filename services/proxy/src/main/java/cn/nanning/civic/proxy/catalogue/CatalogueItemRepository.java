package cn.nanning.civic.proxy.catalogue;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface CatalogueItemRepository extends CrudRepository<CatalogueItem, String> {

    Page<CatalogueItem> findByRetiredFalse(Pageable pageable);

    @Query(value = "select part_code from proxy.catalogue_bundle_part where bundle_code = :code order by position", nativeQuery = true)
    List<String> bundleParts(String code);

    @Query(value = "delete from proxy.catalogue_bundle_part where bundle_code = :code", nativeQuery = true)
    void clearBundle(String code);

    @Query(value = "insert into proxy.catalogue_bundle_part (bundle_code, position, part_code) values (:code, :position, :part)", nativeQuery = true)
    void addBundlePart(String code, int position, String part);
}
