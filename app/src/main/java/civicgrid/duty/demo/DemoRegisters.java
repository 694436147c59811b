package civicgrid.duty.demo;

import civicgrid.duty.app.DutyProperties;
import civicgrid.geo.GeoApi;
import civicgrid.geo.TerritoryLevel;
import civicgrid.geo.TerritoryUnit;
import civicgrid.geo.UnitCode;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Plausible registers for the demo streets (新山村街道, 磁器口街道 by default): households in houses,
 * residents with key groups, shops on the frontage ledger, key places. Everything is invented from
 * a fixed seed (names from common surnames and given-name characters, ID numbers with a valid check
 * digit but random birth days and sequence numbers); no real person's data. Loaded with COPY, once:
 * a street that has people already is left alone.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "civicgrid.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoRegisters implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRegisters.class);
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩邓冯曹彭曾肖田董袁潘蒋蔡余杜叶程";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉梅文斌辉鹏晓宇欣怡浩然子涵俊凯雪琳佳";
    private static final String[] ROADS = {"建设路", "和平路", "朝阳路", "民主街", "团结路", "新华街", "文化路", "光明路", "幸福街", "育才路"};
    private static final String[] PLACE_KINDS = {"SCHOOL", "MARKET", "OLD_BUILDING", "HOSPITAL", "VENUE"};
    private static final String[] PLACE_NAMES = {"小学", "农贸市场", "老旧居民楼", "社区卫生服务站", "文体活动中心"};
    private static final String[] SHOPS = {"便利店", "面馆", "火锅店", "五金店", "理发店", "药房", "水果店", "超市", "茶馆", "小面"};
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";

    private final GeoApi geo;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final DutyProperties properties;

    DemoRegisters(GeoApi geo, JdbcTemplate jdbc, DataSource dataSource, DutyProperties properties) {
        this.geo = geo;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        for (String street : properties.demoStreets()) {
            Boolean present = jdbc.queryForObject("select exists (select 1 from duty.person where grid_code like ?)", Boolean.class,
                    street + "%");
            if (Boolean.TRUE.equals(present) || geo.unit(UnitCode.of(street)).isEmpty()) {
                continue;
            }
            long started = System.nanoTime();
            int people = generate(street);
            log.info("Demo registers of street {}: {} residents in {} ms", street, people, (System.nanoTime() - started) / 1_000_000);
        }
    }

    private int generate(String street) throws SQLException, IOException {
        List<TerritoryUnit> grids = new ArrayList<>();
        collectGrids(UnitCode.of(street), grids);
        if (grids.isEmpty()) {
            return 0;
        }
        String district = geo.requireUnit(UnitCode.of(street.substring(0, 6))).name();
        String streetName = geo.requireUnit(UnitCode.of(street)).name();
        Random random = new Random(street.hashCode());
        Set<String> idNumbers = new HashSet<>();
        StringBuilder persons = new StringBuilder();
        StringBuilder houses = new StringBuilder();
        StringBuilder enterprises = new StringBuilder();
        StringBuilder places = new StringBuilder();
        int perGrid = Math.max(1, properties.demoPeoplePerStreet() / grids.size());
        LocalDate today = LocalDate.now();
        int count = 0;
        int shopSerial = 0;
        for (TerritoryUnit grid : grids) {
            String road = ROADS[random.nextInt(ROADS.length)];
            int number = 1 + random.nextInt(200);
            int residents = 0;
            for (int building = 1; residents < perGrid; building++) {
                for (int unit = 1; unit <= 2 && residents < perGrid; unit++) {
                    for (int floor = 1; floor <= 6 && residents < perGrid; floor++) {
                        for (int door = 1; door <= 2 && residents < perGrid; door++) {
                            String room = floor + "-" + door;
                            String address = "重庆市" + district + streetName + road + number + "号" + building + "栋" + unit + "单元" + room;
                            double lon = jitter(random, grid.centroidLon());
                            double lat = jitter(random, grid.centroidLat());
                            LocalDate registered = today.minusDays(random.nextInt(730));
                            int household = random.nextInt(10) < 2 ? 1 : 2 + random.nextInt(3);
                            String holder = null;
                            String holderPhone = null;
                            for (int i = 0; i < household; i++) {
                                int age = household == 1 ? 60 + random.nextInt(35) : i < 2 ? 25 + random.nextInt(50) : random.nextInt(18);
                                String name = name(random);
                                String phone = age < 12 ? "" : mobile(random);
                                List<String> groups = new ArrayList<>();
                                if (household == 1 && age >= 65) {
                                    groups.add("LONE_ELDERLY");
                                }
                                if (age < 16 && random.nextInt(8) == 0) {
                                    groups.add("LEFT_BEHIND_CHILD");
                                }
                                if (random.nextInt(50) == 0) {
                                    groups.add("DISABLED");
                                }
                                if (age >= 18 && random.nextInt(200) == 0) {
                                    groups.add("KEY_PERSON");
                                }
                                groups.sort(null);
                                persons.append(grid.code()).append(',').append(name).append(',')
                                        .append(idNumber(random, street.substring(0, 6), today.getYear() - age, idNumbers)).append(',')
                                        .append(phone).append(',').append(address).append(',').append(String.join(";", groups)).append(',')
                                        .append(lon).append(',').append(lat).append(',').append(registered).append('\n');
                                if (i == 0) {
                                    holder = name;
                                    holderPhone = phone;
                                }
                                residents++;
                                count++;
                            }
                            String occupancy = random.nextInt(4) == 0 ? "TENANT" : "OWNER";
                            houses.append(grid.code()).append(',').append(address).append(',').append(building).append(',').append(unit)
                                    .append(',').append(room).append(',').append(occupancy).append(',').append(holder).append(',')
                                    .append(holderPhone).append(',').append(lon).append(',').append(lat).append(',').append(registered)
                                    .append('\n');
                        }
                    }
                }
            }
            for (int s = 0; s < Math.max(1, perGrid / 30); s++) {
                shopSerial++;
                boolean shop = random.nextInt(4) > 0;
                String name = name(random).substring(0, 1) + "记" + SHOPS[random.nextInt(SHOPS.length)];
                enterprises.append(grid.code()).append(',').append(creditCode(street, shopSerial)).append(',').append(name).append(',')
                        .append(shop ? "SHOP" : "ENTERPRISE").append(',').append("重庆市").append(district).append(streetName).append(road)
                        .append(number + s + 1).append("号").append(',').append(name(random)).append(',').append(mobile(random)).append(',')
                        .append(shop && random.nextInt(3) > 0).append(',').append(jitter(random, grid.centroidLon())).append(',')
                        .append(jitter(random, grid.centroidLat())).append(',').append(today.minusDays(random.nextInt(730))).append('\n');
            }
            for (int p = 0; p < 2; p++) {
                int kind = random.nextInt(PLACE_KINDS.length);
                places.append(grid.code()).append(',').append("KP").append(grid.code()).append(p).append(',').append(grid.name())
                        .append(PLACE_NAMES[kind]).append(',').append(PLACE_KINDS[kind]).append(',').append("重庆市").append(district)
                        .append(streetName).append(road).append(number + 50 + p).append("号").append(',').append(kind != 1).append(',')
                        .append(jitter(random, grid.centroidLon())).append(',').append(jitter(random, grid.centroidLat())).append(',')
                        .append(today.minusDays(random.nextInt(365))).append('\n');
            }
        }
        try (Connection c = dataSource.getConnection()) {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn("copy duty.person (grid_code, name, id_number, phone, address, key_groups, lon, lat, registered_on)"
                    + " from stdin with (format csv, force_not_null (key_groups))", new StringReader(persons.toString()));
            copy.copyIn("copy duty.house (grid_code, address, building, unit, room, occupancy, holder_name, holder_phone, lon, lat,"
                    + " registered_on) from stdin with (format csv)", new StringReader(houses.toString()));
            copy.copyIn("copy duty.enterprise (grid_code, credit_code, name, kind, address, contact_name, contact_phone, frontage_duty,"
                    + " lon, lat, registered_on) from stdin with (format csv)", new StringReader(enterprises.toString()));
            copy.copyIn("copy duty.key_place (grid_code, code, name, kind, address, fire_lane, lon, lat, registered_on)"
                    + " from stdin with (format csv)", new StringReader(places.toString()));
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
        return count;
    }

    private void collectGrids(UnitCode unit, List<TerritoryUnit> grids) {
        for (TerritoryUnit child : geo.children(unit)) {
            if (child.level() == TerritoryLevel.GRID) {
                grids.add(child);
            } else if (child.level() != TerritoryLevel.MICRO_GRID) {
                collectGrids(UnitCode.of(child.code()), grids);
            }
        }
    }

    private static double jitter(Random random, double degrees) {
        return Math.round((degrees + (random.nextDouble() - 0.5) * 0.0014) * 1e6) / 1e6;
    }

    private static String name(Random random) {
        StringBuilder name = new StringBuilder().append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        for (int i = random.nextInt(3) == 0 ? 1 : 2; i > 0; i--) {
            name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return name.toString();
    }

    private static String mobile(Random random) {
        return "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
    }

    /** A fictitious ID number of the district with a valid check digit, unique within the run. */
    private static String idNumber(Random random, String district, int year, Set<String> taken) {
        while (true) {
            LocalDate birth = LocalDate.of(year, 1, 1).plusDays(random.nextInt(365));
            String body = district + birth.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                sum += (body.charAt(i) - '0') * ID_WEIGHTS[i];
            }
            String id = body + ID_CHECK.charAt(sum % 11);
            if (taken.add(id)) {
                return id;
            }
        }
    }

    /** A made-up unified social credit code: 92 (individual business) + the street + a serial. */
    private static String creditCode(String street, int serial) {
        return "92" + street + String.format("%07d", serial);
    }
}
