/**
 * Emergency response: versioned response plans (预案) per territory, incidents that fan a plan's
 * steps out to many posts at once with deadlines on the catalog's clocks and escalation, and
 * minimum response units (最小处置单元) whose nearest members are proposed by walking time.
 * Public API: {@link civicgrid.response.ResponseApi} and the value types beside it; the rules live
 * in the Spring-free {@code domain} package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Emergency response")
package civicgrid.response;
