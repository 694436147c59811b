package civicgrid.cases.domain;

import civicgrid.cases.CaseId;
import civicgrid.cases.CaseState;
import civicgrid.cases.Channel;
import civicgrid.cases.HandlingLevel;
import civicgrid.catalog.Category;
import civicgrid.catalog.ClockType;
import civicgrid.catalog.Deadlines;
import civicgrid.catalog.StageLimits;
import civicgrid.catalog.TimeLimit;
import civicgrid.catalog.WorkCalendar;
import civicgrid.identity.Role;
import civicgrid.identity.TerritorialScope;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;

/** A case in 新山村街道's first grid, the people around it, and the 2026 calendar. */
final class CaseFixtures {

    static final Deadlines DEADLINES = new Deadlines(WorkCalendar.china2026());
    static final Category GARBAGE = new Category("E0101", 1, "EVENT", "E01", "市容环境", "City appearance", "暴露垃圾", "Exposed garbage",
            "LIVELIHOOD", ClockType.WORK_HOURS, new BigDecimal("4"), null, "SANITATION", false);
    static final Category MANHOLE = new Category("C0101", 1, "COMPONENT", "C01", "公用设施", "Public utilities", "上水井盖",
            "Water-supply manhole cover", "LIVELIHOOD", ClockType.WORK_HOURS, new BigDecimal("8"), new BigDecimal("2"),
            "WATER_SUPPLY", false);
    static final CaseFile.Context CONTEXT = new CaseFile.Context(DEADLINES, StageLimits.defaults(), GARBAGE);
    static final CaseLocation PLACE = new CaseLocation(106.41, 29.36, "500104001001001", "500104001001", "500104001", "500104", null);
    static final Assignment SANITATION = new Assignment("500104:SANITATION", "SANITATION", "DISTRICT");
    static final Assignment POLICE = new Assignment("500104:POLICE", "POLICE", "DISTRICT");

    static final Actor CITIZEN = new Actor("citizen", Role.CITIZEN, TerritorialScope.none(), null);
    static final Actor GRID_WORKER = new Actor("gridworker", Role.GRID_WORKER, TerritorialScope.of("500104001001001"), null);
    static final Actor COMMUNITY_STAFF = new Actor("community", Role.COMMUNITY_STAFF, TerritorialScope.of("500104001001"), null);
    static final Actor STREET = new Actor("xinshancun", Role.STREET_OPERATOR, TerritorialScope.of("500104001"), null);
    static final Actor OTHER_STREET = new Actor("ciqikou", Role.STREET_OPERATOR, TerritorialScope.of("500106004"), null);
    static final Actor HANDLER = new Actor("sanitation.dadukou", Role.DEPARTMENT_HANDLER, TerritorialScope.of("500104"), "SANITATION");
    static final Actor POLICE_HANDLER = new Actor("police.dadukou", Role.DEPARTMENT_HANDLER, TerritorialScope.of("500104"), "POLICE");
    static final Actor OTHER_DISTRICT_HANDLER = new Actor("sanitation.shapingba", Role.DEPARTMENT_HANDLER, TerritorialScope.of("500106"),
            "SANITATION");
    static final Actor DISTRICT = new Actor("dadukou", Role.DISTRICT_OPERATOR, TerritorialScope.of("500104"), null);
    static final Actor CITY = new Actor("city", Role.CITY_OPERATOR, TerritorialScope.of("500000"), null);
    static final Actor LEADER = new Actor("leader", Role.LEADER, TerritorialScope.of("500000"), null);
    static final Actor ADMIN = new Actor("admin", Role.ADMINISTRATOR, TerritorialScope.of("500000"), null);

    static final Map<Role, Actor> BY_ROLE = Map.of(Role.CITIZEN, CITIZEN, Role.GRID_WORKER, GRID_WORKER, Role.COMMUNITY_STAFF,
            COMMUNITY_STAFF, Role.STREET_OPERATOR, STREET, Role.DEPARTMENT_HANDLER, HANDLER, Role.DISTRICT_OPERATOR, DISTRICT,
            Role.CITY_OPERATOR, CITY, Role.LEADER, LEADER, Role.ADMINISTRATOR, ADMIN);

    private CaseFixtures() {
    }

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(WorkCalendar.CHINA).toInstant();
    }

    static CaseFile reported(Instant now) {
        return CaseFile.report(CaseId.random(), "T-1", Channel.CITIZEN, GARBAGE, "垃圾堆在路边", false, PLACE, CITIZEN, now, CONTEXT, false);
    }

    /** A case standing in any state, as if it had got there the usual way. */
    static CaseFile inState(CaseState state, Instant now) {
        boolean assigned = state == CaseState.DISPATCHED || state == CaseState.IN_PROGRESS || state == CaseState.HANDLED
                || state == CaseState.CHECKED || state == CaseState.CLOSED || state == CaseState.EVALUATED || state == CaseState.HUNG;
        TimeLimit limit = TimeLimit.of(ClockType.WORK_HOURS, 4);
        StageClock clock = new StageClock(3, limit, limit, now, DEADLINES.fractionReached(now, limit, 0.8),
                DEADLINES.deadline(now, limit), false, false, false);
        return new CaseFile(CaseId.random(), "T-2", 1, Channel.CITIZEN, "E0101", 1, "垃圾", false, PLACE, "citizen", now, state,
                state == CaseState.HUNG ? CaseState.IN_PROGRESS : null, HandlingLevel.STREET, assigned ? SANITATION : null, clock,
                TimeLimit.of(ClockType.WORK_HOURS, 2), null, Map.of("500104:SANITATION", false), CaseFile.Figures.empty(), null);
    }
}
