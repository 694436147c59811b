package civicgrid.cases;

/**
 * Where and what a case is, without its people or history: for a module acting on a case for the
 * signed-in user (response starting a plan) that needs no more than this.
 */
public record CasePlace(String id, String number, String categoryCode, CaseState state, double lon, double lat, String gridCode) {
}
