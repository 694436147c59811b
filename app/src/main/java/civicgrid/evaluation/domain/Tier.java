package civicgrid.evaluation.domain;

import civicgrid.cases.CaseAction;
import civicgrid.cases.CaseFacts;
import civicgrid.cases.CaseState;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * How a solved case was solved (the road-works "one thing": 70% online self-service, 20% across
 * departments, 10% by joint enforcement), decided from its history alone:
 *
 * <ul>
 *   <li>{@link #JOINT_ENFORCEMENT} 联合执法: the grid worker blew the whistle (departments summoned and
 *       reporting in), someone escalated it to the next level by hand, or it was supervised (督办)
 *       while two or more departments were involved;</li>
 *   <li>{@link #CROSS_DEPARTMENT} 跨部门协同: otherwise, two or more departments were involved
 *       (dispatched to, returned by), or a department returned it to the center, which had to route it again;</li>
 *   <li>{@link #SELF_SERVICE} 线上自助: otherwise: closed with no department or with the first one it
 *       was routed to online, never returned, never escalated.</li>
 * </ul>
 * Only closed cases have a tier; it is dated on the day (city time) the case was first closed.
 */
public enum Tier {
    SELF_SERVICE, CROSS_DEPARTMENT, JOINT_ENFORCEMENT;

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    /** A closed case's tier and the day it was closed. */
    public record Tiered(Tier tier, LocalDate closedOn, int departments) {
    }

    public static Optional<Tiered> of(CaseFacts facts) {
        if (facts.state() != CaseState.CLOSED && facts.state() != CaseState.EVALUATED) {
            return Optional.empty();
        }
        Optional<CaseFacts.Step> closing = facts.steps().stream().filter(s -> s.action() == CaseAction.CLOSE).findFirst();
        if (closing.isEmpty()) {
            return Optional.empty();
        }
        Set<String> departments = new LinkedHashSet<>();
        boolean returned = false;
        boolean whistledOrEscalated = false;
        boolean supervised = false;
        for (CaseFacts.Step s : facts.steps()) {
            switch (s.action()) {
                case DISPATCH -> add(departments, s.details().get("to"));
                case RETURN -> {
                    returned = true;
                    add(departments, s.details().get("from"));
                }
                case WHISTLE -> {
                    whistledOrEscalated = true;
                    Object summoned = s.details().get("summoned");
                    if (summoned != null) {
                        Arrays.stream(summoned.toString().split(",")).forEach(d -> add(departments, d));
                    }
                }
                case REPORT_IN -> {
                    whistledOrEscalated = true;
                    add(departments, s.details().get("department"));
                }
                case ESCALATE -> whistledOrEscalated = true;
                case SUPERVISE -> supervised = true;
                default -> { }
            }
        }
        add(departments, facts.departmentInstance());
        Tier tier = whistledOrEscalated || (supervised && departments.size() >= 2) ? JOINT_ENFORCEMENT
                : departments.size() >= 2 || returned ? CROSS_DEPARTMENT : SELF_SERVICE;
        return Optional.of(new Tiered(tier, closing.get().at().atZone(CITY).toLocalDate(), departments.size()));
    }

    private static void add(Set<String> departments, Object department) {
        if (department != null && !department.toString().isBlank()) {
            departments.add(department.toString());
        }
    }
}
