package civicgrid.cases;

/**
 * Open cases of one territory unit by their stage light (as the map's dots are coloured), for the
 * big screen's counts when it is zoomed out: where, how many, how late, how many urgent.
 */
public record OpenCount(String code, String name, double lon, double lat, long open, long green, long yellow, long red,
                        long none, long urgent) {
}
