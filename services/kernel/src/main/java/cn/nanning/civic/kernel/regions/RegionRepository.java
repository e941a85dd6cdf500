package cn.nanning.civic.kernel.regions;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RegionRepository extends CrudRepository<Region, String> {

    List<Region> findByParentCodeOrderByCode(String parentCode);

    List<Region> findByLevelOrderByCode(String level);

    long countByLevel(String level);
}
