/**
 * Shared kernel: database bootstrap, error model (problem details with stable machine codes) and
 * other cross-cutting plumbing every module may use. It holds no domain rules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package civicgrid.platform;
