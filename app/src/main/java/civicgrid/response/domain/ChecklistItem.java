package civicgrid.response.domain;

/** One item the center ticks before an incident may close. */
public record ChecklistItem(String code, String textZh, String textEn) {
}
