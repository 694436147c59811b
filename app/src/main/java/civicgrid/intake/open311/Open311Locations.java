package civicgrid.intake.open311;

import civicgrid.geo.GeoApi;
import civicgrid.geo.TerritoryUnit;
import civicgrid.geo.UnitCode;
import civicgrid.intake.channel.AddressLocator;
import org.springframework.stereotype.Component;

/**
 * Where a posted request is, the three ways the spec allows: {@code lat}/{@code long} (inside the
 * city), {@code address_id} (a grid, community or street code: its centroid) or {@code address_string}
 * (a district, street or community named in it), in that order of preference.
 */
@Component
class Open311Locations {

    private final GeoApi geo;
    private final AddressLocator addresses;

    Open311Locations(GeoApi geo, AddressLocator addresses) {
        this.geo = geo;
        this.addresses = addresses;
    }

    /** {lon, lat}. */
    double[] locate(Open311PostForm form) {
        String lat = form.one("lat");
        String lon = form.one("long");
        if (lat != null || lon != null) {
            return point(lat, lon);
        }
        String addressId = form.one("address_id");
        if (addressId != null) {
            TerritoryUnit unit = UnitCode.isValid(addressId) ? geo.unit(UnitCode.of(addressId)).orElse(null) : null;
            if (unit == null) {
                throw Open311Exception.badRequest("UNKNOWN_ADDRESS_ID: address_id must be a grid, community or street code of the city.");
            }
            return new double[] {unit.centroidLon(), unit.centroidLat()};
        }
        String address = form.one("address_string");
        if (address != null) {
            if (address.length() > 500) {
                throw Open311Exception.badRequest("ADDRESS_TOO_LONG: address_string has at most 500 characters.");
            }
            return addresses.locate(address).orElseThrow(() -> Open311Exception.badRequest(
                    "ADDRESS_NOT_FOUND: address_string names no district, street or community of the city; give lat and long."));
        }
        throw Open311Exception.badRequest("LOCATION_REQUIRED: give lat and long, address_string or address_id.");
    }

    private double[] point(String lat, String lon) {
        if (lat == null || lon == null) {
            throw Open311Exception.badRequest("LOCATION_INCOMPLETE: give both lat and long.");
        }
        double[] point = {number("long", lon), number("lat", lat)};
        if (point[0] < -180 || point[0] > 180 || point[1] < -90 || point[1] > 90) {
            throw Open311Exception.badRequest("INVALID_COORDINATES: lat must be within -90..90 and long within -180..180.");
        }
        if (geo.locate(point[0], point[1]).isEmpty()) {
            throw Open311Exception.badRequest("LOCATION_OUTSIDE_CITY: the point is outside the city's territory.");
        }
        return point;
    }

    private static double number(String name, String text) {
        try {
            double v = Double.parseDouble(text);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw Open311Exception.badRequest("INVALID_COORDINATES: " + name + " must be a number in decimal degrees.");
        }
    }
}
