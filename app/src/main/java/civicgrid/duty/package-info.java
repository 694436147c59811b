/**
 * The grid worker's day: the city's "6+1" duty list (versioned, with the districts' "+1"), the
 * grid's registers (people with their key groups, houses, enterprises and shops, key places), and
 * the daily tasks planned from both and ticked off on the spot. Public API: {@link civicgrid.duty.DutyApi};
 * the planning rules live in the Spring-free {@code domain} package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Grid duty and registers")
package civicgrid.duty;
