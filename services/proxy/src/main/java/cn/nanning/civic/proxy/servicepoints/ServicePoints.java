package cn.nanning.civic.proxy.servicepoints;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.identity.RegionCodes;
import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.kernel.audit.AuditEntry;
import cn.nanning.civic.kernel.audit.AuditLog;
import cn.nanning.civic.kernel.regions.RegionRepository;
import cn.nanning.civic.proxy.catalogue.Catalogue;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Opening service points, assigning their clerk and volunteers, and choosing which catalogue items they proxy. */
@Singleton
public class ServicePoints {

    private final ServicePointRepository points;
    private final RegionRepository regions;
    private final Catalogue catalogue;
    private final AuditLog audit;

    ServicePoints(ServicePointRepository points, RegionRepository regions, Catalogue catalogue, AuditLog audit) {
        this.points = points;
        this.regions = regions;
        this.catalogue = catalogue;
        this.audit = audit;
    }

    @Transactional
    public ServicePoint open(Caller admin, String regionCode, String name, String address, String phone, List<String> itemCodes) {
        var region = regions.findById(regionCode)
                .orElseThrow(() -> ProblemException.invalidField("regionCode", "区划代码 " + regionCode + " 不存在。"));
        if (!"village".equals(region.level())) {
            throw ProblemException.invalidField("regionCode", "服务点只能设在村（社区），请选择村（社区）级区划。");
        }
        if (!admin.covers(regionCode)) {
            throw ProblemException.forbidden("您只能在本人负责的辖区内设立服务点。");
        }
        if (points.existsByRegionCode(regionCode)) {
            throw ProblemException.conflict("service-point-exists", region.name() + "已设有服务点。");
        }
        ServicePoint point = points.save(new ServicePoint(UUID.randomUUID(), regionCode,
                name != null && !name.isBlank() ? name : region.name() + "便民服务点", address, phone, true,
                Instant.now().truncatedTo(ChronoUnit.MICROS)));
        offer(point, itemCodes);
        audit.record(new AuditEntry(admin.accountId(), "ADMIN", "proxy.point.open", "service_point", point.id().toString(),
                AuditEntry.Outcome.SUCCESS, regionCode));
        return point;
    }

    @Transactional
    public void assign(Caller admin, UUID pointId, String accountId, String role) {
        ServicePoint point = find(pointId);
        if (!admin.covers(point.regionCode())) {
            throw ProblemException.forbidden("您只能为本人负责辖区内的服务点安排人员。");
        }
        points.assignStaff(pointId, accountId, role);
        audit.record(new AuditEntry(admin.accountId(), "ADMIN", "proxy.point.assign", "service_point", pointId.toString(),
                AuditEntry.Outcome.SUCCESS, role + " " + accountId));
    }

    /** Adds catalogue items the point can proxy. */
    @Transactional
    public void addItems(Caller admin, UUID pointId, List<String> itemCodes) {
        ServicePoint point = find(pointId);
        if (!admin.covers(point.regionCode())) {
            throw ProblemException.forbidden("您只能调整本人负责辖区内服务点的代办范围。");
        }
        offer(point, itemCodes);
    }

    @Transactional
    void offer(ServicePoint point, List<String> itemCodes) {
        for (String code : itemCodes) {
            if (!catalogue.isLive(code)) {
                throw ProblemException.invalidField("itemCodes", "服务事项 " + code + " 不存在或已下线。");
            }
            var item = catalogue.find(code);
            if (!item.proxyAllowed()) {
                // The clerk would be refused for it at the counter; say so where the point is set up.
                throw ProblemException.invalidField("itemCodes", "“" + item.name() + "”须本人到办理窗口办理，不能设为服务点代办事项。");
            }
            points.offer(point.id(), code);
        }
    }

    @Transactional(readOnly = true)
    public ServicePoint find(UUID id) {
        return points.findById(id).orElseThrow(() -> ProblemException.notFound("服务点不存在。"));
    }

    @Transactional(readOnly = true)
    public List<ServicePoint> inArea(String regionCode) {
        return points.findInArea(RegionCodes.significantPrefix(regionCode));
    }

    @Transactional
    public void release(Caller admin, UUID pointId, String accountId) {
        ServicePoint point = find(pointId);
        if (!admin.covers(point.regionCode())) {
            throw ProblemException.forbidden("您只能为本人负责辖区内的服务点安排人员。");
        }
        if (points.removeStaff(pointId, accountId) == 0) {
            throw ProblemException.notFound("该人员不在此服务点。");
        }
        audit.record(new AuditEntry(admin.accountId(), "ADMIN", "proxy.point.release", "service_point", pointId.toString(),
                AuditEntry.Outcome.SUCCESS, "released " + accountId));
    }

    @Transactional(readOnly = true)
    public List<PointStaff> staff(UUID pointId) {
        return points.staff(pointId);
    }

    @Transactional(readOnly = true)
    public List<String> items(UUID pointId) {
        return points.itemCodes(pointId);
    }

    @Transactional(readOnly = true)
    public boolean offers(UUID pointId, String itemCode) {
        return points.offers(pointId, itemCode);
    }
}
