package civicgrid.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PersonalDataTest {

    private static CurrentUser user(Role role) {
        return new CurrentUser(UserId.random(), "u", "U", role, null, null, null, TerritorialScope.of("500104"));
    }

    @Test
    void masksPhoneIdNumberAddressAndName() {
        assertThat(PersonalData.maskPhone("13812345678")).isEqualTo("138****5678");
        assertThat(PersonalData.maskIdNumber("500104199001011234")).isEqualTo("500104********1234");
        assertThat(PersonalData.maskAddress("重庆市大渡口区新山村街道松青路12号3单元5-2")).startsWith("重庆市大渡口区").endsWith("****")
                .doesNotContain("5-2");
        assertThat(PersonalData.maskAddress("松青路12号")).isEqualTo("松青路****").doesNotContain("12");
        assertThat(PersonalData.maskName("张三丰")).isEqualTo("张**");
        assertThat(PersonalData.maskPhone(null)).isNull();
        assertThat(PersonalData.maskPhone("123")).isEqualTo("****");
        assertThat(PersonalData.maskPhone("6812345")).as("a 7-digit number keeps no more than its first three").isEqualTo("681****");
        assertThat(PersonalData.maskPhone("68123456")).isEqualTo("681****6");
    }

    @Test
    void rolesThatVisitResidentsSeeClearDataOthersMasked() {
        for (Role role : Role.values()) {
            PersonalData.Masker masker = PersonalData.forViewer(user(role));
            boolean clear = Set.of(Role.GRID_WORKER, Role.COMMUNITY_STAFF, Role.STREET_OPERATOR).contains(role);
            assertThat(masker.phone("13812345678")).as(role.name()).isEqualTo(clear ? "13812345678" : "138****5678");
        }
        CurrentUser leader = user(Role.LEADER);
        assertThat(PersonalData.forViewer(leader, leader.id()).phone("13812345678")).as("own data").isEqualTo("13812345678");
        assertThat(PersonalData.forViewer(null).phone("13812345678")).isEqualTo("138****5678");
    }

    @Test
    void phoneNumbersInsideFreeTextAreMasked() {
        assertThat(PersonalData.maskPhonesInText("楼下垃圾堆了三天，联系人张先生13812345678，或打物业023-68123456。"))
                .isEqualTo("楼下垃圾堆了三天，联系人张先生138****5678，或打物业023-****3456。");
        assertThat(PersonalData.maskPhonesInText("call +86 139 no: +86 13912345678 / 8613912345678"))
                .isEqualTo("call +86 139 no: +86 139****5678 / 86139****5678");
        assertThat(PersonalData.maskPhonesInText("landlines 0755 1234567, 02312345678 and (023)68123456"))
                .doesNotContain("1234567", "2345678", "68123456").contains("0755 ***4567");
        assertThat(PersonalData.maskPhonesInText("案卷CG202611250000123，身份证500104199001011234，门牌12号，2026-11-25 10:00，金额12000000元"))
                .as("case numbers, ID numbers, dates and other figures stay")
                .isEqualTo("案卷CG202611250000123，身份证500104199001011234，门牌12号，2026-11-25 10:00，金额12000000元");
        assertThat(PersonalData.maskPhonesInText("138123456789 is twelve digits, 1281234567 is no mobile"))
                .isEqualTo("138123456789 is twelve digits, 1281234567 is no mobile");
        assertThat(PersonalData.maskPhonesInText(PersonalData.maskPhonesInText("13812345678"))).as("idempotent").isEqualTo("138****5678");
        assertThat(PersonalData.maskPhonesInText(null)).isNull();
        assertThat(PersonalData.maskPhonesInText("")).isEmpty();
    }

    @Test
    void textIsMaskedForTheSameViewersAsPhones() {
        assertThat(PersonalData.forViewer(user(Role.DISTRICT_OPERATOR)).text("电话13812345678")).isEqualTo("电话138****5678");
        assertThat(PersonalData.forViewer(user(Role.GRID_WORKER)).text("电话13812345678")).isEqualTo("电话13812345678");
        assertThat(PersonalData.forRole(Role.CITIZEN, true).text("电话13812345678")).as("one's own report").isEqualTo("电话13812345678");
        assertThat(PersonalData.forRole(Role.CITIZEN, false).text("电话13812345678")).isEqualTo("电话138****5678");
    }

    @Test
    void dataAboutAPlaceIsClearOnlyInsideTheViewersTerritory() {
        CurrentUser gridWorker = user(Role.GRID_WORKER);
        assertThat(PersonalData.forViewerIn(gridWorker, "500104001").clear()).isTrue();
        assertThat(PersonalData.forViewerIn(gridWorker, "500106004").clear()).as("another district").isFalse();
        assertThat(PersonalData.forViewerIn(user(Role.DISTRICT_OPERATOR), "500104001").clear()).as("role").isFalse();
        assertThat(PersonalData.forViewerIn(null, "500104001").clear()).isFalse();
    }
}
