/** The web console pages of the command centers (issue 7 grows it): home, map, desk, dashboards. */
@org.springframework.modulith.ApplicationModule(displayName = "Console (pages)")
package civicgrid.console;
