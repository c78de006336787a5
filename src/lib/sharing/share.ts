// Share links of the services readers in Japan use, as plain links to their public share pages:
// no script from any of them is loaded.

export interface ShareLink {
  id: 'x' | 'line' | 'facebook' | 'hatena';
  /** Visible label (Japanese UI text). */
  label: string;
  /** Accessible name, saying where the link goes. */
  name: string;
  href: string;
}

/** Share links for a page's absolute URL and title. */
export function shareLinks(url: string, title: string): ShareLink[] {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  return [
    { id: 'x', label: 'ポスト', name: 'Xでポスト(新しいタブで開きます)', href: `https://x.com/intent/post?text=${t}&url=${u}` },
    { id: 'line', label: 'LINE', name: 'LINEで送る(新しいタブで開きます)', href: `https://social-plugins.line.me/lineit/share?url=${u}` },
    {
      id: 'facebook',
      label: 'Facebook',
      name: 'Facebookでシェア(新しいタブで開きます)',
      href: `https://www.facebook.com/sharer/sharer.php?u=${u}`,
    },
    {
      id: 'hatena',
      label: 'はてなブックマーク',
      name: 'はてなブックマークに追加(新しいタブで開きます)',
      href: `https://b.hatena.ne.jp/add?mode=confirm&url=${u}&title=${t}`,
    },
  ];
}
