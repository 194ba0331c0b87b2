/**
 * What a source's address tells a reader. Some rows cite only a site's home page
 * (https://kalselhits.com/): the article's own address is unknown, and a link labelled "sumber"
 * would promise more than it gives. Such a source is shown as "alamat artikel tidak diketahui"
 * with the site's name.
 */

export interface SourceAddress {
  /** The site's name as readers know it ("kalselhits.com"); the address itself when it is not a URL. */
  site: string;
  /** Only the site's home page is known, not the article. */
  homePageOnly: boolean;
}

export function sourceAddress(url: string): SourceAddress {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { site: url, homePageOnly: false };
  }
  const site = parsed.hostname.replace(/^www\./, "");
  const homePageOnly = (parsed.pathname === "" || parsed.pathname === "/") && parsed.search === "" && parsed.hash === "";
  return { site, homePageOnly };
}
