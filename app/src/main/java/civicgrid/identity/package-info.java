/**
 * Users, roles, posts and territorial scope; login (form for pages, HTTP Basic for the API) with
 * throttling of failed sign-ins per client address; masking of personal data for roles that do not need it.
 * Public API: {@link civicgrid.identity.IdentityApi}, {@link civicgrid.identity.CurrentUser},
 * {@link civicgrid.identity.Role}, {@link civicgrid.identity.TerritorialScope},
 * {@link civicgrid.identity.PersonalData}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity and scope")
package civicgrid.identity;
