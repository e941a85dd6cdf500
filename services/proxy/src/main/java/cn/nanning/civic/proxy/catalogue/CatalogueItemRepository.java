package cn.nanning.civic.proxy.catalogue;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface CatalogueItemRepository extends CrudRepository<CatalogueItem, String> {

    Page<CatalogueItem> findByRetiredFalse(Pageable pageable);
}
