/**
 * A tile grid of Indonesia's 38 provinces: one equal square each, roughly where the
 * province lies (Sumatra west, Java and Nusa Tenggara south, Papua east). [column, row],
 * with a short label for the tile.
 */
export const TILE_LAYOUT: Record<string, { col: number; row: number; short: string }> = {
  aceh: { col: 0, row: 0, short: "ACEH" },
  "sumatera-utara": { col: 1, row: 1, short: "SUMUT" },
  riau: { col: 2, row: 1, short: "RIAU" },
  "kepulauan-riau": { col: 3, row: 1, short: "KEPRI" },
  "sumatera-barat": { col: 1, row: 2, short: "SUMBAR" },
  jambi: { col: 2, row: 2, short: "JAMBI" },
  "kepulauan-bangka-belitung": { col: 3, row: 2, short: "BABEL" },
  bengkulu: { col: 1, row: 3, short: "BKL" },
  "sumatera-selatan": { col: 2, row: 3, short: "SUMSEL" },
  lampung: { col: 3, row: 3, short: "LPG" },
  banten: { col: 3, row: 4, short: "BTN" },
  "daerah-khusus-ibukota-jakarta": { col: 4, row: 4, short: "DKI" },
  "jawa-barat": { col: 5, row: 4, short: "JABAR" },
  "jawa-tengah": { col: 6, row: 4, short: "JATENG" },
  "daerah-istimewa-yogyakarta": { col: 6, row: 5, short: "DIY" },
  "jawa-timur": { col: 7, row: 4, short: "JATIM" },
  bali: { col: 8, row: 4, short: "BALI" },
  "nusa-tenggara-barat": { col: 9, row: 4, short: "NTB" },
  "nusa-tenggara-timur": { col: 10, row: 4, short: "NTT" },
  "kalimantan-barat": { col: 5, row: 1, short: "KALBAR" },
  "kalimantan-utara": { col: 6, row: 0, short: "KALTARA" },
  "kalimantan-timur": { col: 6, row: 1, short: "KALTIM" },
  "kalimantan-tengah": { col: 5, row: 2, short: "KALTENG" },
  "kalimantan-selatan": { col: 6, row: 2, short: "KALSEL" },
  gorontalo: { col: 8, row: 0, short: "GTLO" },
  "sulawesi-utara": { col: 9, row: 0, short: "SULUT" },
  "sulawesi-barat": { col: 7, row: 1, short: "SULBAR" },
  "sulawesi-tengah": { col: 8, row: 1, short: "SULTENG" },
  "sulawesi-selatan": { col: 7, row: 2, short: "SULSEL" },
  "sulawesi-tenggara": { col: 8, row: 2, short: "SULTRA" },
  "maluku-utara": { col: 11, row: 0, short: "MALUT" },
  maluku: { col: 10, row: 2, short: "MALUKU" },
  "papua-barat-daya": { col: 11, row: 1, short: "PBD" },
  "papua-barat": { col: 12, row: 1, short: "PABAR" },
  "papua-tengah": { col: 12, row: 2, short: "PATENG" },
  papua: { col: 13, row: 2, short: "PAPUA" },
  "papua-pegunungan": { col: 13, row: 3, short: "PAPEG" },
  "papua-selatan": { col: 13, row: 4, short: "PASEL" },
};

export const TILE_COLUMNS = 14;
export const TILE_ROWS = 6;

/**
 * On a phone the 14 columns would make tiles too small to read: the map is cut in two at the
 * Makassar Strait, the western half (Sumatra, Java to Central Java, Kalimantan) above the eastern
 * one (East Java, Bali and Nusa Tenggara, Sulawesi, Maluku, Papua), each in its own layout. Seven
 * columns fit 390 px with tiles wide enough for the labels.
 */
export const PHONE_TILE_COLUMNS = 7;

export function phoneTilePlace(place: { col: number; row: number }): { col: number; row: number } {
  return place.col < PHONE_TILE_COLUMNS ? place : { col: place.col - PHONE_TILE_COLUMNS, row: place.row + TILE_ROWS + 1 };
}
