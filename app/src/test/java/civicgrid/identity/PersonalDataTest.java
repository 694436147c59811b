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
    void numbersInFreeTextAreMaskedAsPhonesOrIdNumbers() {
        assertThat(PersonalData.maskNumbersIn("护栏被撞弯了 电话13900001111，身份证50010419900101123X，门牌12号"))
                .isEqualTo("护栏被撞弯了 电话139****1111，身份证500104********123X，门牌12号");
        assertThat(PersonalData.maskNumbersIn(null)).isNull();
    }
}
