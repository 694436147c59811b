/**
 * Tells the world when cases move: server-sent events to the consoles (scoped to each viewer's
 * territory) and signed, retried webhooks to other systems, both fed from the transactional event
 * publication registry so no committed change is lost.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package civicgrid.notify;
