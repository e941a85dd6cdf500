package cn.nanning.civic.kernel.homeregion;

import cn.nanning.civic.common.identity.Caller;
import cn.nanning.civic.common.identity.Claims;
import cn.nanning.civic.common.problem.ProblemException;
import cn.nanning.civic.kernel.regions.Region;
import cn.nanning.civic.kernel.regions.RegionRepository;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Optional;

/** A citizen's home village or community: read by every module (through this class), set by the citizen. */
@Singleton
public class HomeRegions {

    private final HomeRegionStore store;
    private final RegionRepository regions;

    HomeRegions(HomeRegionStore store, RegionRepository regions) {
        this.store = store;
        this.regions = regions;
    }

    /** A home region as a client shows it: code, name and the township and district names above it. */
    @Serdeable
    public record HomeRegion(String code, String name, @Nullable String townshipName, @Nullable String districtName) {
    }

    /** The citizen's home region, empty while none is chosen. */
    @Transactional(readOnly = true)
    public Optional<HomeRegion> of(String accountId) {
        return store.regionOf(accountId).flatMap(regions::findById).map(this::view);
    }

    /** Sets the calling citizen's home region: a village or community (12-digit code) of Nanning. */
    @Transactional
    public HomeRegion set(Caller caller, @Nullable String regionCode) {
        if (!Claims.KIND_CITIZEN.equals(caller.kind())) {
            throw ProblemException.forbidden("只有市民账号可以设置常住村（社区）。");
        }
        if (regionCode == null || !regionCode.strip().matches("\\d{12}")) {
            throw ProblemException.invalidField("regionCode", "请选择一个村（社区），区划代码应为 12 位数字。");
        }
        Region region = regions.findById(regionCode.strip())
                .filter(r -> "village".equals(r.level()))
                .orElseThrow(() -> ProblemException.invalidField("regionCode", "未找到这个村（社区），请重新选择。"));
        store.save(caller.accountId(), region.code(), Instant.now());
        return view(region);
    }

    private HomeRegion view(Region village) {
        Optional<Region> township = Optional.ofNullable(village.parentCode()).flatMap(regions::findById);
        Optional<Region> district = township.map(Region::parentCode).flatMap(regions::findById);
        return new HomeRegion(village.code(), village.name(), township.map(Region::name).orElse(null),
                district.map(Region::name).orElse(null));
    }
}
