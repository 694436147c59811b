package civicgrid.cases.routing;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.cases.domain.CaseLocation;
import civicgrid.catalog.Category;
import civicgrid.catalog.ClockType;
import civicgrid.catalog.Department;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Category × territory × time of day → department instance, certain or for a dispatcher. */
class RoutingPolicyTest {

    private static final Map<String, Department> DEPARTMENTS = Map.of(
            "SANITATION", new Department("SANITATION", "环境卫生管理", "Sanitation", "DISTRICT"),
            "URBAN_ENFORCEMENT", new Department("URBAN_ENFORCEMENT", "城市管理综合执法", "Urban enforcement", "DISTRICT"),
            "COMMUNITY", new Department("COMMUNITY", "社区(网格)", "Community", "COMMUNITY"),
            "STREET_GOVERNANCE", new Department("STREET_GOVERNANCE", "街道综治", "Street governance", "STREET"),
            "WATER_SUPPLY", new Department("WATER_SUPPLY", "供水公司", "Water supply", "CITY"));
    private static final CaseLocation DADUKOU = new CaseLocation(106.4, 29.3, "500104001001001", "500104001001", "500104001", "500104", null);
    private static final CaseLocation SHAPINGBA = new CaseLocation(106.4, 29.5, "500106004001001", "500106004001", "500106004", "500106", null);

    private static Category category(String code, String department) {
        return new Category(code, 1, "EVENT", code.substring(0, 3), "", "", "", "", "LIVELIHOOD", ClockType.WORK_HOURS, BigDecimal.ONE,
                null, department, false);
    }

    private static RoutingPolicy policy(RoutingRule... rules) {
        return new RoutingPolicy(List.of(rules), code -> Optional.ofNullable(DEPARTMENTS.get(code)));
    }

    @Test
    void withoutRulesTheCatalogsDepartmentOfThePlaceIsCertain() {
        RoutingPolicy.Decision d = policy().decide(category("E0101", "SANITATION"), DADUKOU, LocalTime.NOON);
        assertThat(d.target().departmentInstance()).isEqualTo("500104:SANITATION");
        assertThat(d.automatic()).isTrue();
        assertThat(policy().decide(category("C0101", "WATER_SUPPLY"), SHAPINGBA, LocalTime.NOON).target().departmentInstance())
                .isEqualTo("CITY:WATER_SUPPLY");
        assertThat(policy().decide(category("E0899", "COMMUNITY"), DADUKOU, LocalTime.NOON).target().departmentInstance())
                .as("small matters stay in the grid").isEqualTo("500104001001:COMMUNITY");
    }

    @Test
    void rulesByCategoryTerritoryAndTimeOfDay() {
        RoutingRule disputes = new RoutingRule(null, null, "STREET_GOVERNANCE", null, false, 50, "disputes");
        RoutingRule nightVendors = new RoutingRule("E0301", "500104", null, "URBAN_ENFORCEMENT", true, 10, "night patrol",
                LocalTime.of(22, 0), LocalTime.of(6, 0));
        RoutingPolicy policy = policy(disputes, nightVendors);
        RoutingPolicy.Decision dispute = policy.decide(category("E0706", "STREET_GOVERNANCE"), DADUKOU, LocalTime.NOON);
        assertThat(dispute.automatic()).isFalse();
        assertThat(dispute.target().departmentInstance()).isEqualTo("500104001:STREET_GOVERNANCE");
        Category vendors = category("E0301", "SANITATION");
        assertThat(policy.decide(vendors, DADUKOU, LocalTime.of(23, 30)).target().departmentInstance())
                .isEqualTo("500104:URBAN_ENFORCEMENT");
        assertThat(policy.decide(vendors, DADUKOU, LocalTime.of(5, 59)).target().departmentInstance())
                .isEqualTo("500104:URBAN_ENFORCEMENT");
        assertThat(policy.decide(vendors, DADUKOU, LocalTime.of(6, 0)).target().departmentInstance())
                .as("the window ends at 06:00").isEqualTo("500104:SANITATION");
        assertThat(policy.decide(vendors, SHAPINGBA, LocalTime.of(23, 30)).target().departmentInstance())
                .as("only in 大渡口区").isEqualTo("500106:SANITATION");
    }
}
