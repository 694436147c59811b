package civicgrid.response;

import civicgrid.geo.Distances;
import civicgrid.geo.GeoApi;
import civicgrid.geo.TerritoryUnit;
import civicgrid.geo.UnitCode;
import civicgrid.response.app.UnitMembers;
import civicgrid.response.domain.UnitMember;
import civicgrid.response.domain.UnitMember.UnitClass;
import civicgrid.response.persistence.UnitStore;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo minimum response units around 磁器口 old town (the first grid of 500106004, where camera
 * cam-cqk-001 stands) and in 新山村街道, with generated members (no real persons): home places
 * scattered within a few hundred metres of the unit, day, night and round-the-clock duties. The
 * demo grid worker ({@code gridworker}) is a member of the 新山村 compound unit, on duty round the
 * clock at the centre of their grid. Seeded once; a fixed random seed keeps every start alike.
 */
@Component
@Order(21)
@ConditionalOnProperty(name = "civicgrid.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoUnits implements ApplicationRunner {

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "胡", "朱"};
    private static final LocalTime[][] DUTIES = {
            {LocalTime.of(8, 0), LocalTime.of(20, 0)}, {LocalTime.of(20, 0), LocalTime.of(8, 0)}, {LocalTime.MIDNIGHT, LocalTime.MIDNIGHT}};
    private final UnitMembers members;
    private final GeoApi geo;

    DemoUnits(UnitMembers members, GeoApi geo) {
        this.members = members;
        this.geo = geo;
    }

    private record Demo(String code, UnitClass unitClass, String nameZh, String street, int grid, String equipment, String account) {
    }

    static final List<Demo> UNITS = List.of(
            new Demo("CQK-A-01", UnitClass.A, "磁器口街道办事处应急分队", "500106004", 0, "对讲机, 急救箱, 警戒带", null),
            new Demo("CQK-A-02", UnitClass.A, "磁器口小学护校队", "500106004", 1, "急救箱, 扩音器", null),
            new Demo("CQK-B-01", UnitClass.B, "磁器口古镇景区管理处", "500106004", 0, "对讲机, 扩音器, 隔离栏", null),
            new Demo("CQK-B-02", UnitClass.B, "古镇正街商户联防队", "500106004", 0, "灭火器, 急救箱", null),
            new Demo("CQK-C-01", UnitClass.C, "磁器口沿江小区微型消防站", "500106004", 2, "灭火器, 消防水带", null),
            new Demo("XSC-A-01", UnitClass.A, "新山村街道办事处应急分队", "500104001", 0, "对讲机, 急救箱, AED", null),
            new Demo("XSC-B-01", UnitClass.B, "新山村商圈联防队", "500104001", 2, "灭火器, 急救箱", null),
            new Demo("XSC-C-01", UnitClass.C, "新山村社区院落互助队", "500104001", 0, "急救箱, 手电", "gridworker"));

    @Override
    public void run(ApplicationArguments args) {
        members.withUnits(store -> {
            if (store.unitCount() > 0) {
                return;
            }
            Random random = new Random(20261206L);
            for (Demo d : UNITS) {
                TerritoryUnit cell = nthGrid(d.street(), d.grid());
                store.insertUnit(new UnitStore.Unit(d.code(), d.unitClass(), d.nameZh(), cell.code(), cell.centroidLon(), cell.centroidLat(),
                        d.equipment()));
                List<UnitMember> members = new ArrayList<>();
                if (d.account() != null) {
                    members.add(new UnitMember(d.code() + "-00", d.code(), d.unitClass(), "新山村社区第1网格网格员", cell.centroidLon(),
                            cell.centroidLat(), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, d.account()));
                }
                for (int i = 1; i <= 8; i++) {
                    // within about 400 m of the unit (uniform over a disc); the first member of each unit is
                    // its duty officer: near the unit, round the clock
                    double r = (i == 1 ? 150 : 400) * Math.sqrt(random.nextDouble());
                    double a = random.nextDouble() * 2 * Math.PI;
                    double lat = cell.centroidLat() + r * Math.sin(a) / 111_320;
                    double lon = cell.centroidLon() + Distances.degreesLon(r * Math.cos(a), cell.centroidLat());
                    LocalTime[] duty = DUTIES[i == 1 ? DUTIES.length - 1 : random.nextInt(DUTIES.length)];
                    members.add(new UnitMember(String.format("%s-%02d", d.code(), i), d.code(), d.unitClass(),
                            SURNAMES[random.nextInt(SURNAMES.length)] + "队员", lon, lat, duty[0], duty[1], null));
                }
                store.insertMembers(members);
            }
        });
    }

    /** The n-th grid of a street, communities in order (the first is the demo grid worker's). */
    private TerritoryUnit nthGrid(String street, int n) {
        String grid = geo.children(UnitCode.of(street)).stream().flatMap(c -> geo.children(UnitCode.of(c.code())).stream())
                .map(TerritoryUnit::code).skip(n).findFirst().orElseThrow();
        return geo.requireUnit(UnitCode.of(grid));
    }
}
