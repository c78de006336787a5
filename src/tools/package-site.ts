// `npm run package`: the built site (dist/) as one zip with a short Japanese README, ready to copy
// onto a USB stick or an intranet server. Run after `astro build` (the npm script does both).
import { readdirSync, readFileSync, mkdirSync, writeFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync, type Zippable } from 'fflate';

const root = fileURLToPath(new URL('../..', import.meta.url));
// `node src/tools/package-site.ts [built site] [output folder]` (defaults: dist/, release/).
const dist = resolve(root, process.argv[2] ?? 'dist');
const outDir = resolve(root, process.argv[3] ?? 'release');
const folder = 'site';

/** Every file under `dir`, as full paths. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

const manifest = JSON.parse(readFileSync(join(dist, 'manifest.webmanifest'), 'utf8')) as { name: string };

const readme = `${manifest.name}(オフライン版)

このフォルダーには、ウェブサイト一式が入っています。インターネットに接続していなくても読めます。

■ パソコンで読む
${folder} フォルダーの中の index.html をダブルクリックすると、ブラウザーでトップページが開きます。
ページ間のリンクはすべてそのまま使えます。

■ サーバーに置く
${folder} フォルダーの中身を、そのままウェブサーバーの任意の場所(例えば /news/talks/)にコピーしてください。
設定の変更は不要です。サーバーで公開した場合は、一度開いたページが端末に保存され、
その後は接続が切れても読めます(ブラウザーの機能を使います)。

■ 注意
・外部のサーバーには一切接続しません。記事中の「出典」のリンクだけは、接続時に外部のサイトを開きます。
・ファイルを書き換えないでください。内容の確認や更新は、このサイトの発行元にご連絡ください。
`;

const files: Zippable = {};
const sitePaths = filesUnder(dist);
for (const path of sitePaths) {
  files[`${folder}/${relative(dist, path).split(sep).join('/')}`] = readFileSync(path);
}
files['README.txt'] = new TextEncoder().encode(readme.replace(/\n/g, '\r\n'));

mkdirSync(outDir, { recursive: true });
const zipPath = join(outDir, 'site.zip');
// A fixed timestamp keeps the zip identical for identical builds.
writeFileSync(zipPath, zipSync(files, { level: 9, mtime: new Date('2025-03-12T00:00:00Z') }));
console.log(
  `${relative(root, zipPath)}: ${sitePaths.length} files of the site and README.txt, ${statSync(zipPath).size.toLocaleString('en')} bytes`,
);
