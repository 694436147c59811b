/**
 * Categories (versioned), departments (per district, city-wide utilities), the work calendar and
 * the three clocks on which every time limit runs. Public API: {@link civicgrid.catalog.CatalogApi}
 * and the value types beside it; the deadline arithmetic is the pure {@link civicgrid.catalog.Deadlines}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog and clocks")
package civicgrid.catalog;
