/**
 * Emergency response: versioned response plans (预案) per territory, incidents that fan a plan's
 * steps out to many posts at once with deadlines on the catalog's clocks and escalation, and
 * minimum response units (最小处置单元) whose nearest members are proposed by walking time.
 * Public API, one facade per concern: {@link civicgrid.response.ResponsePlans} (plans, versions, the
 * step editor), {@link civicgrid.response.Incidents} (start, read, close), {@link civicgrid.response.ResponseTasks}
 * (the posts' tasks) and {@link civicgrid.response.ResponseUnits} (units, responders), with the value
 * types beside them; the shared machinery lives in {@code app}, the rules in the Spring-free {@code domain} package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Emergency response")
package civicgrid.response;
