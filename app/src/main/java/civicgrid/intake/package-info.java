/**
 * Intake channels: Open311 GeoReport v2, citizens' snap-and-report, 12345 hotline orders, AI video
 * alerts, and the classification of Chinese report texts every channel uses. Each channel turns
 * what arrives into a case of the closed loop through {@link civicgrid.cases.ChannelIntake}.
 * Public API: {@link civicgrid.intake.Classifier} and {@link civicgrid.intake.Classification}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intake channels")
package civicgrid.intake;
