package civicgrid.console;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.support.Browser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Every state of the loop × every demo role that opens the desk: the desk offers only buttons that
 * work. Each offered button is clicked, its form filled as asked, and the answer must be success,
 * never a refusal. A button's click changes the case, so the next button gets a fresh case in the
 * same state unless it is still offered on the page (supervising, summoning and the like change nothing).
 */
class CaseDeskWalkBrowserTest extends DeskCases {

    private static final String CATEGORY = "C0112"; // public toilets: sanitation's, used by no other test
    private int serial;

    private String fresh() {
        double[] p = inGrid(serial++);
        return reported(CATEGORY, "走查用案件：公厕设施损坏", p[0], p[1]);
    }

    private String verified() {
        String id = fresh();
        act(id, "xinshancun", "verify", Map.of());
        return id;
    }

    /** Registered: sanitation's certain routing dispatches at once, so it comes back here by sanitation's return. */
    private String registered() {
        String id = dispatched("SANITATION");
        act(id, "sanitation.dadukou", "return", Map.of("reason", "不属于本部门"));
        return id;
    }

    private String dispatched(String department) {
        if (department.equals("SANITATION")) {
            String id = verified();
            assertThat(act(id, "xinshancun", "register", Map.of()).get("state").asString()).isEqualTo("DISPATCHED");
            return id;
        }
        String id = registered();
        act(id, "xinshancun", "dispatch", Map.of("department", department));
        return id;
    }

    private String inProgress(String department, String handler) {
        String id = dispatched(department);
        act(id, handler, "accept", Map.of());
        return id;
    }

    private String handled(String department, String handler) {
        String id = inProgress(department, handler);
        act(id, handler, "report-back", Map.of("reason", "已处置"));
        return id;
    }

    private String closed() {
        String id = handled("SANITATION", "sanitation.dadukou");
        act(id, "gridworker", "check-pass", Map.of());
        act(id, "xinshancun", "close", Map.of());
        return id;
    }

    /** The states a case reaches, each with a recipe that drives a new case there. */
    private Map<String, Supplier<String>> states() {
        Map<String, Supplier<String>> s = new LinkedHashMap<>();
        s.put("reported", this::fresh);
        s.put("verified", this::verified);
        s.put("registered", this::registered);
        s.put("dispatched", () -> dispatched("SANITATION"));
        s.put("dispatched to the community", () -> dispatched("COMMUNITY"));
        s.put("accepted", () -> inProgress("SANITATION", "sanitation.dadukou"));
        s.put("accepted by the community, sanitation summoned", () -> {
            String id = inProgress("COMMUNITY", "gridworker");
            act(id, "xinshancun", "whistle", Map.of("departments", List.of("SANITATION"), "reason", "需要环卫配合"));
            return id;
        });
        s.put("postponement pending", () -> {
            String id = inProgress("SANITATION", "sanitation.dadukou");
            act(id, "sanitation.dadukou", "request-postpone", Map.of("extension", 2, "reason", "等配件"));
            return id;
        });
        s.put("reported back", () -> handled("SANITATION", "sanitation.dadukou"));
        s.put("reported back by the community", () -> handled("COMMUNITY", "gridworker"));
        s.put("checked", () -> {
            String id = handled("SANITATION", "sanitation.dadukou");
            act(id, "gridworker", "check-pass", Map.of());
            return id;
        });
        s.put("closed", this::closed);
        s.put("evaluated", () -> {
            String id = closed();
            act(id, "xinshancun", "evaluate", Map.of("rating", 5));
            return id;
        });
        s.put("hung", () -> {
            String id = registered();
            act(id, "xinshancun", "hang");
            return id;
        });
        s.put("escalated to the district", () -> {
            String id = registered();
            act(id, "xinshancun", "escalate");
            return id;
        });
        s.put("escalated to the city", () -> {
            String id = registered();
            act(id, "xinshancun", "escalate");
            act(id, "dadukou", "escalate");
            return id;
        });
        s.put("invalid", () -> {
            String id = fresh();
            act(id, "xinshancun", "invalidate");
            return id;
        });
        s.put("merged", () -> {
            String target = fresh();
            String id = fresh();
            act(id, "xinshancun", "merge", Map.of("mergeInto", target, "reason", "重复"));
            return id;
        });
        return s;
    }

    @Test
    void walksEveryCaseStateAndRoleAndClicksEveryButtonTheDeskOffers() {
        Map<String, Supplier<String>> states = states();
        List<String> refused = new ArrayList<>();
        int clicks = 0;
        // roles that share their rules take turns state by state: the district and city centers, the grid worker and community staff
        for (List<String> group : List.of(List.of("xinshancun"), List.of("dadukou", "city"), List.of("sanitation.dadukou"),
                List.of("gridworker", "community"))) {
            Map<String, Browser> browsers = new LinkedHashMap<>();
            try {
                int turn = 0;
                for (Map.Entry<String, Supplier<String>> state : states.entrySet()) {
                    String role = group.get(turn++ % group.size());
                    Browser browser = browsers.computeIfAbsent(role, r -> {
                        Browser b = new Browser(1400, 900);
                        b.login(url(""), r, "demo");
                        return b;
                    });
                    String id = state.getValue().get();
                    List<String> toClick = allowed(id, role);
                    openDesk(browser, url(""), id);
                    assertThat(offered(browser.driver())).as(role + " at " + state.getKey()).containsExactlyElementsOf(toClick);
                    assertThat(visible(browser.driver(), "#no-actions")).isEqualTo(toClick.isEmpty());
                    for (String action : toClick) {
                        if (!offered(browser.driver()).contains(action)) {
                            id = state.getValue().get();
                            openDesk(browser, url(""), id);
                        }
                        String refusal = clickAndFill(browser, action);
                        clicks++;
                        if (refusal != null) {
                            refused.add(role + " at " + state.getKey() + ": " + action + " → " + refusal);
                        }
                    }
                }
            } finally {
                browsers.values().forEach(Browser::close);
            }
        }
        System.out.println("desk walk: " + clicks + " buttons clicked");
        assertThat(refused).as("buttons the desk offered that were refused").isEmpty();
        assertThat(clicks).as("buttons clicked").isGreaterThan(60);
    }

    @Test
    void readOnlyRolesGetNoActionFormInAnyState() {
        Map<String, String> cases = new LinkedHashMap<>();
        states().forEach((name, recipe) -> cases.put(name, recipe.get()));
        for (String role : List.of("leader", "admin")) {
            cases.forEach((name, id) -> assertThat(allowed(id, role)).as(role + " at " + name).isEmpty());
            try (Browser browser = new Browser(1400, 900)) {
                browser.login(url(""), role, "demo");
                for (String name : List.of("reported", "accepted", "postponement pending", "reported back", "closed")) {
                    openDesk(browser, url(""), cases.get(name));
                    assertThat(offered(browser.driver())).as(role + " at " + name).isEmpty();
                    assertThat(visible(browser.driver(), "#no-actions")).isTrue();
                    assertThat(visible(browser.driver(), "#action-form")).isFalse();
                    assertThat(browser.driver().findElements(By.cssSelector("#reason:not([hidden])")).stream()
                            .anyMatch(e -> e.isDisplayed())).isFalse();
                }
                if (role.equals("leader")) {
                    assertThat(browser.text("#no-actions")).isEqualTo("您的角色只查看案件，不办理。");
                }
            }
        }
    }
}
