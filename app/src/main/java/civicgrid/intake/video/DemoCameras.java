package civicgrid.intake.video;

import civicgrid.geo.GeoApi;
import civicgrid.geo.TerritoryUnit;
import civicgrid.geo.UnitCode;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Demo cameras in 大渡口区 and 磁器口 (added once; an operator may change them). */
@Component
@Order(20)
@ConditionalOnProperty(name = "civicgrid.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoCameras implements ApplicationRunner {

    private final VideoStore store;
    private final GeoApi geo;
    private final Clock clock;

    DemoCameras(VideoStore store, GeoApi geo, Clock clock) {
        this.store = store;
        this.geo = geo;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        record Demo(String id, String name, String street, int grid, String owner, List<String> algorithms) {
        }
        List<Demo> demos = List.of(
                new Demo("cam-ddk-001", "新山村街道 建设村路口", "500104001", 0, "大渡口区城市管理局",
                        List.of("EXPOSED_GARBAGE", "OVERFLOWING_BIN", "UNLICENSED_VENDOR", "OUTSIDE_BUSINESS", "ROAD_OCCUPATION")),
                new Demo("cam-ddk-002", "新山村街道 小区消防通道", "500104001", 1, "大渡口区消防救援支队",
                        List.of("FIRE_LANE_BLOCKED", "SMOKE_FIRE", "NON_MOTOR_PARKING")),
                new Demo("cam-ddk-003", "新山村街道 高层住宅外立面", "500104001", 2, "新山村街道综治中心",
                        List.of("THROWING_FROM_HEIGHT", "CROWD_GATHERING")),
                new Demo("cam-cqk-001", "磁器口古镇 正街", "500106004", 0, "沙坪坝区城市管理局",
                        List.of("CROWD_GATHERING", "UNLICENSED_VENDOR", "OPEN_BBQ", "EXPOSED_GARBAGE")));
        for (Demo d : demos) {
            // the n-th grid of the street (the first one is the demo grid worker's)
            String grid = geo.children(UnitCode.of(d.street())).stream().flatMap(c -> geo.children(UnitCode.of(c.code())).stream())
                    .map(TerritoryUnit::code).skip(d.grid()).findFirst().orElseThrow();
            TerritoryUnit cell = geo.requireUnit(UnitCode.of(grid));
            store.insertCameraIfAbsent(new VideoStore.Camera(d.id(), d.name(), cell.centroidLon(), cell.centroidLat(), grid, d.owner(),
                    new LinkedHashSet<>(d.algorithms()), true), clock.instant());
        }
    }
}
