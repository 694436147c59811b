package civicgrid.identity;

/** The four sectors (四板块) of every street's 141 system. */
public enum Sector {
    PARTY("党的建设", "Party building"),
    ECONOMY("经济发展", "Economic development"),
    LIVELIHOOD("民生服务", "Livelihood services"),
    PEACE_LAW("平安法治", "Peace and rule of law");

    private final String nameZh;
    private final String nameEn;

    Sector(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }
}
