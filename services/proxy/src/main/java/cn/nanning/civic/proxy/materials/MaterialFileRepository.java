package cn.nanning.civic.proxy.materials;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface MaterialFileRepository extends CrudRepository<MaterialFile, UUID> {

    List<MaterialFile> findByRequestIdOrderByUploadedAt(UUID requestId);
}
