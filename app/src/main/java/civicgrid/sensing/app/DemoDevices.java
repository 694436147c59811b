package civicgrid.sensing.app;

import civicgrid.geo.GeoApi;
import civicgrid.geo.Location;
import civicgrid.geo.TerritoryUnit;
import civicgrid.geo.UnitCode;
import civicgrid.sensing.domain.Profile;
import civicgrid.sensing.persistence.DeviceStore;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's devices (token {@code demo-token}): the four of the contract with the articles' rules,
 * and a few hundred generated ones over 新山村街道 and 磁器口街道 for the map. Added once; a restart
 * finds them and adds nothing.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "civicgrid.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoDevices implements ApplicationRunner {

    static final String TOKEN = "demo-token";
    static final List<String> GENERATED_STREETS = List.of("500104001", "500106004");
    static final int PER_STREET = 150;

    private final DeviceStore store;
    private final GeoApi geo;
    private final Clock clock;

    DemoDevices(DeviceStore store, GeoApi geo, Clock clock) {
        this.store = store;
        this.geo = geo;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        byte[] token = DeviceTokens.hash(TOKEN);
        add("demo-door-1", "独居老人家门磁", Profile.DOOR_MAGNET, geo.requireUnit(UnitCode.of("500104001001001")), 0, "新山村街道社区网格",
                "李桂兰", "13712345678", token);
        List<TerritoryUnit> shimahe = grids("500105003");
        add("demo-methane-1", "化粪池沼气监测（含风机）", Profile.METHANE_FAN, shimahe.get(0), 0, "江北区市政设施管理所", null, null, token);
        add("demo-wristband-1", "独居老人智能手环", Profile.WRISTBAND, shimahe.get(1 % shimahe.size()), 0, "石马河街道社区卫生服务中心",
                "王秀英", "13912345678", token);
        add("demo-smoke-1", "磁器口古镇商铺烟感", Profile.SMOKE, grids("500106004").get(0), 0, "沙坪坝区消防救援支队", null, null, token);
        Profile[] kinds = {Profile.SMOKE, Profile.DOOR_MAGNET, Profile.GEOMAGNETIC_MANHOLE, Profile.WATER_LEVEL, Profile.METHANE_FAN,
            Profile.WRISTBAND, Profile.SMOKE, Profile.GEOMAGNETIC_MANHOLE};
        for (String street : GENERATED_STREETS) {
            if (store.find(String.format("demo-%s-%03d", street, PER_STREET)).isPresent()) {
                continue;
            }
            List<TerritoryUnit> cells = grids(street);
            for (int i = 1; i <= PER_STREET; i++) {
                Profile p = kinds[i % kinds.length];
                add(String.format("demo-%s-%03d", street, i), p.name().toLowerCase(java.util.Locale.ROOT) + " " + i, p,
                        cells.get(i % cells.size()), i, "演示设备", null, null, token);
            }
        }
    }

    private List<TerritoryUnit> grids(String street) {
        return geo.children(UnitCode.of(street)).stream().flatMap(c -> geo.children(UnitCode.of(c.code())).stream()).toList();
    }

    /** At the grid's centroid, moved a little (up to ~60 m, the same each start) so that dots of one grid do not overlap. */
    private void add(String id, String name, Profile profile, TerritoryUnit grid, int n, String owner, String person, String phone,
                     byte[] token) {
        double lon = grid.centroidLon() + ((n * 37) % 11 - 5) * 0.00012;
        double lat = grid.centroidLat() + ((n * 53) % 11 - 5) * 0.0001;
        Location where = geo.locate(lon, lat).orElse(null);
        if (where == null || !where.grid().code().equals(grid.code())) {
            lon = grid.centroidLon();
            lat = grid.centroidLat();
            where = geo.locate(lon, lat).orElseThrow();
        }
        store.insertIfAbsent(new DeviceStore.Device(id, name, profile, lon, lat, where.grid().code(), where.community().code(),
                where.street().code(), where.district().code(), owner, person, phone, clock.instant(), null), token, "demo");
    }
}
