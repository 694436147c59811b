package civicgrid.identity.demo;

import civicgrid.audit.AuditApi;
import civicgrid.identity.CurrentUser;
import civicgrid.identity.Role;
import civicgrid.identity.UserId;
import civicgrid.identity.persistence.UserRecord;
import civicgrid.identity.persistence.UserRepository;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The demo accounts (password {@code demo}); only with {@code civicgrid.demo.enabled=true}. */
@Component
@Order(10)
@ConditionalOnProperty(name = "civicgrid.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoAccounts implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    record Demo(String username, String displayName, Role role, String post, String department, Set<String> scope,
                String phone, String idNumber, String address, Set<String> roadSegments) {

        Demo(String username, String displayName, Role role, String post, String department, Set<String> scope,
             String phone, String idNumber, String address) {
            this(username, displayName, role, post, department, scope, phone, idNumber, address, Set.of());
        }
    }

    static final List<Demo> ACCOUNTS = List.of(
            new Demo("admin", "系统管理员", Role.ADMINISTRATOR, null, null, Set.of("500000"), "13900000001", "500103198001010011", "重庆市渝中区人民路232号"),
            new Demo("city", "市城运中心值班员", Role.CITY_OPERATOR, null, null, Set.of("500000"), "13900000002", "500103198502020022", "重庆市渝中区人民路232号"),
            new Demo("leader", "市领导", Role.LEADER, null, null, Set.of("500000"), "13900000003", "500103197003030033", "重庆市渝中区人民路232号"),
            new Demo("dadukou", "大渡口区城运中心值班员", Role.DISTRICT_OPERATOR, null, null, Set.of("500104"), "13900000004", "500104198804040044", "重庆市大渡口区文体路126号"),
            new Demo("xinshancun", "新山村街道综合协调岗", Role.STREET_OPERATOR, "GENERAL_COORDINATION", null, Set.of("500104001"), "13900000005", "500104199005050055", "重庆市大渡口区新山村街道松青路8号"),
            new Demo("ciqikou", "磁器口街道综合协调岗", Role.STREET_OPERATOR, "GENERAL_COORDINATION", null, Set.of("500106004"), "13900000006", "500106199106060066", "重庆市沙坪坝区磁器口正街1号"),
            new Demo("sanitation.dadukou", "大渡口区环卫处置员", Role.DEPARTMENT_HANDLER, null, "SANITATION", Set.of("500104"), "13900000007", "500104198707070077", "重庆市大渡口区春晖路街道环卫所"),
            new Demo("community", "平安社区工作人员", Role.COMMUNITY_STAFF, null, null, Set.of("500104001001"), "13900000008", "500104199208080088", "重庆市大渡口区新山村街道平安社区服务中心"),
            new Demo("gridworker", "平安社区第1网格网格员", Role.GRID_WORKER, null, null, Set.of("500104001001001"), "13900000009", "500104199309090099", "重庆市大渡口区新山村街道钢花路3号"),
            new Demo("citizen", "市民张先生", Role.CITIZEN, null, null, Set.of(), "13800138000", "500104198510101234", "重庆市大渡口区新山村街道松青路12号3单元5-2"),
            // road-segment chiefs of urban management: the chiefs geo generated for these segments (name and phone as on the
            // road's public board), with no territory of their own, so they see their segments' cases and nothing else
            chief("roadchief", "谭军", "新山村路第1段", "13955533713", "500104001R0201"),
            chief("roadchief2", "宋艳杰", "新山村路第2段", "13387884735", "500104001R0202"),
            chief("roadchief.ciqikou", "李杰华", "磁器口大道第1段", "13346247458", "500106004R0101"));

    private static Demo chief(String username, String name, String segmentName, String phone, String segment) {
        return new Demo(username, name + "（" + segmentName + "路段长）", Role.STREET_OPERATOR, CurrentUser.ROAD_SEGMENT_CHIEF, null,
                Set.of(), phone, null, null, Set.of(segment));
    }

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final AuditApi audit;
    private final TransactionTemplate tx;

    DemoAccounts(UserRepository users, PasswordEncoder encoder, AuditApi audit, TransactionTemplate tx) {
        this.users = users;
        this.encoder = encoder;
        this.audit = audit;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        Set<String> existing = users.usernames();
        String hash = encoder.encode("demo");
        int created = 0;
        for (Demo demo : ACCOUNTS) {
            if (existing.contains(demo.username())) {
                continue;
            }
            tx.executeWithoutResult(status -> {
                users.insert(new UserRecord(UserId.random(), demo.username(), hash, demo.displayName(), demo.role(), demo.post(),
                        null, demo.department(), demo.phone(), demo.idNumber(), demo.address(), true, demo.scope(),
                        demo.roadSegments()));
                audit.recordAs("system", "USER_CREATED", "USER", demo.username(), "demo account",
                        Map.of("role", demo.role().name(), "scope", String.join(",", demo.scope()), "roadSegments",
                                String.join(",", demo.roadSegments())));
            });
            created++;
        }
        if (created > 0) {
            log.info("Created {} demo accounts (password 'demo'); switch the demo off with CIVICGRID_DEMO_ENABLED=false", created);
        }
    }
}
