package cn.nanning.civic.proxy.requests;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ProxyRequestRepository extends CrudRepository<ProxyRequest, UUID> {

    /** A clerk's workbench: their points' open requests, overdue first, then by due day. */
    @Query(value = """
            select r.* from proxy.proxy_request r
            join proxy.service_point_staff s on s.point_id = r.point_id and s.account_id = :accountId
            where r.status not in ('FOLLOWED_UP', 'WITHDRAWN') and not exists (select 1 from proxy.proxy_request c where c.parent_id = r.id)
            order by (r.status = 'ACCEPTED' and r.forward_due < :today) desc, r.forward_due nulls last, r.created_at
            limit :limit""", nativeQuery = true)
    List<ProxyRequest> workbench(String accountId, LocalDate today, int limit);

    /** Closed requests (followed up or withdrawn) of the clerk's points, the latest first. */
    @Query(value = """
            select r.* from proxy.proxy_request r
            join proxy.service_point_staff s on s.point_id = r.point_id and s.account_id = :accountId
            where r.status in ('FOLLOWED_UP', 'WITHDRAWN') and r.parent_id is null
            order by coalesce(r.archived_at, r.created_at) desc, r.id limit :limit offset :offset""", nativeQuery = true)
    List<ProxyRequest> closedAtPointsOf(String accountId, int limit, int offset);

    @Query(value = """
            select count(*) from proxy.proxy_request r
            join proxy.service_point_staff s on s.point_id = r.point_id and s.account_id = :accountId
            where r.status in ('FOLLOWED_UP', 'WITHDRAWN') and r.parent_id is null""", nativeQuery = true)
    long countClosedAtPointsOf(String accountId);

    /** Closed requests of an area (region code prefix), the latest first. */
    @Query(value = """
            select * from proxy.proxy_request where region_code like :prefix || '%'
            and status in ('FOLLOWED_UP', 'WITHDRAWN') and parent_id is null
            order by coalesce(archived_at, created_at) desc, id limit :limit offset :offset""", nativeQuery = true)
    List<ProxyRequest> closedInArea(String prefix, int limit, int offset);

    @Query(value = """
            select count(*) from proxy.proxy_request where region_code like :prefix || '%'
            and status in ('FOLLOWED_UP', 'WITHDRAWN') and parent_id is null""", nativeQuery = true)
    long countClosedInArea(String prefix);

    /** A supervisor's view of an area (region code prefix). */
    @Query(value = """
            select * from proxy.proxy_request r where region_code like :prefix || '%' and status not in ('FOLLOWED_UP', 'WITHDRAWN')
            and not exists (select 1 from proxy.proxy_request c where c.parent_id = r.id)
            order by (status = 'ACCEPTED' and forward_due < :today) desc, forward_due nulls last, created_at
            limit :limit""", nativeQuery = true)
    List<ProxyRequest> inArea(String prefix, LocalDate today, int limit);

    @Query(value = """
            select * from proxy.proxy_request where region_code like :prefix || '%'
            and status = 'ACCEPTED' and forward_due < :today order by forward_due limit :limit""", nativeQuery = true)
    List<ProxyRequest> overdueInArea(String prefix, LocalDate today, int limit);

    Page<ProxyRequest> findByCitizenAccountIdAndParentIdIsNull(String citizenAccountId, Pageable pageable);

    List<ProxyRequest> findByParentIdOrderByCreatedAt(UUID parentId);

    java.util.Optional<ProxyRequest> findByReceiptNo(String receiptNo);

    @Query(value = "select nextval('proxy.receipt_seq')", nativeQuery = true)
    long nextReceiptNumber();

    @Query(value = "insert into proxy.proxy_request_step (request_id, status, note, actor, actor_name, occurred_at) values (:requestId, :status, :note, :actor, :actorName, :at)", nativeQuery = true)
    void addStep(UUID requestId, String status, String note, String actor, String actorName, Instant at);

    @Query(value = "insert into proxy.proxy_request_material (request_id, position, name, ticked) values (:requestId, :position, :name, :ticked)", nativeQuery = true)
    void addMaterial(UUID requestId, int position, String name, boolean ticked);
}
