/**
 * Territory: city → district → street → community → grid → micro-grid with polygons, road
 * segments as a second territory, the in-memory locate index and GeoJSON for the map.
 * Public API: {@link civicgrid.geo.GeoApi} and the value types beside it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Territory (geo)")
package civicgrid.geo;
