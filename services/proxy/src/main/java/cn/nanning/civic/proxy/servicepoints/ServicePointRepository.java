package cn.nanning.civic.proxy.servicepoints;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ServicePointRepository extends CrudRepository<ServicePoint, UUID> {

    boolean existsByRegionCode(String regionCode);

    @Query(value = "select * from proxy.service_point where region_code like :prefix || '%' order by region_code", nativeQuery = true)
    List<ServicePoint> findInArea(String prefix);

    @Query(value = "select count(*) > 0 from proxy.service_point_staff where point_id = :pointId and account_id = :accountId", nativeQuery = true)
    boolean isStaff(UUID pointId, String accountId);

    @Query(value = "insert into proxy.service_point_staff (point_id, account_id, role) values (:pointId, :accountId, :role) on conflict (point_id, account_id) do update set role = excluded.role", nativeQuery = true)
    void assignStaff(UUID pointId, String accountId, String role);

    @Query(value = "select account_id, role from proxy.service_point_staff where point_id = :pointId order by role, account_id", nativeQuery = true)
    List<PointStaff> staff(UUID pointId);

    @Query(value = "delete from proxy.service_point_staff where point_id = :pointId and account_id = :accountId", nativeQuery = true)
    int removeStaff(UUID pointId, String accountId);

    @Query(value = "insert into proxy.service_point_item (point_id, item_code) values (:pointId, :itemCode) on conflict do nothing", nativeQuery = true)
    void offer(UUID pointId, String itemCode);

    @Query(value = "select count(*) > 0 from proxy.service_point_item where point_id = :pointId and item_code = :itemCode", nativeQuery = true)
    boolean offers(UUID pointId, String itemCode);

    @Query(value = "select item_code from proxy.service_point_item where point_id = :pointId order by item_code", nativeQuery = true)
    List<String> itemCodes(UUID pointId);
}
