/**
 * The audit trail: who did what, when and why, for every state change, in a tamper-evident hash
 * chain. Public API: {@link civicgrid.audit.AuditApi}. Kept apart from identity because every
 * module (identity included) records into it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail")
package civicgrid.audit;
