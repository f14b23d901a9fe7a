/**
 * Which village (村 / 社区) a villager means, from the way people say it: 黄金林村, 百节社区, 百节居委,
 * 黄金林, "我是丰盛镇桥上村的", "木洞镇的中坝村".
 */
import regions from '../../resources/banan-regions.json';
import { compact, normalizeText } from './normalize';

/** The shape of `resources/banan-regions.json`. */
export interface RegionsData {
  district: { code: string; name: string };
  towns: ReadonlyArray<{
    code: string;
    name: string;
    kind: string;
    villages: ReadonlyArray<{ code: string; name: string }>;
  }>;
}

/** A village or community, with its town. */
export interface VillageMatch {
  /** 12-digit NBS code. */
  readonly code: string;
  /** Official name: 黄金林村村民委员会. */
  readonly name: string;
  /** What people call it: 黄金林村, 百节社区. */
  readonly shortName: string;
  readonly townCode: string;
  readonly townName: string;
}

/** More than one village fits what the villager wrote; the dialog should let them choose. */
export interface AmbiguousVillage {
  /** The candidates, by code. */
  readonly ambiguous: readonly VillageMatch[];
}

/** A town (镇) or street (街道). */
export interface TownMatch {
  readonly code: string;
  readonly name: string;
  /** 木洞镇 → 木洞, 龙洲湾街道 → 龙洲湾. */
  readonly shortName: string;
}

/** Village recognition over one region table. */
export interface VillageMatcher {
  /** The village a message names, several when it cannot tell, or `undefined` when it names none. */
  match(text: string): VillageMatch | AmbiguousVillage | undefined;
  /** The first town a message names (木洞镇, 木洞, 龙洲湾街道), or `undefined`. */
  matchTown(text: string): TownMatch | undefined;
  /** Every village of the table, in table order. */
  readonly villages: readonly VillageMatch[];
}

/**
 * The name people use for a village or community: 黄金林村村民委员会 → 黄金林村, 百节社区居民委员会 → 百节社区.
 * A name already short is returned unchanged.
 */
export function shortVillageName(fullName: string): string {
  if (fullName.endsWith('村民委员会')) {
    const stem = fullName.slice(0, -'村民委员会'.length);
    return stem.endsWith('村') ? stem : `${stem}村`;
  }
  if (fullName.endsWith('居民委员会')) {
    const stem = fullName.slice(0, -'居民委员会'.length);
    return stem.endsWith('社区') ? stem : `${stem}社区`;
  }
  return fullName;
}

/** The name people use for a town or street: 木洞镇 → 木洞, 龙洲湾街道 → 龙洲湾. */
export function shortTownName(fullName: string): string {
  return fullName.replace(/(街道办事处|街道|镇|乡)$/, '');
}

/** 黄金林村 → 黄金林, 百节社区 → 百节: what is left when the kind is dropped. */
function coreName(shortName: string): string {
  return shortName.replace(/(村|社区)$/, '');
}

/**
 * How sure a written form is. Full and short names count anywhere in a sentence; a kind mix-up
 * (百节村 for 百节社区) too, below them; a bare core (黄金林) only when the rest of the message is filler.
 */
type Strength = 'full' | 'short' | 'altKind' | 'bare';

interface Form {
  text: string;
  village: VillageMatch;
  strength: Strength;
}

interface Hit extends Form {
  start: number;
  end: number;
}

/** What may surround a bare core: "我是黄金林的", "住在黄金林那边", "东温泉黄金林". */
const BARE_PREFIX = /^(?:我们?|我家|我屋头|屋头|家)?(?:是|在|住在|住)?的?$/;
const BARE_SUFFIX = /^的?(?:人|那边|这边|那里|这里|那儿|这儿|那块|这块)?的?[啊哦嘛哈呢噻呀]*$/;

function formsOf(village: VillageMatch, realShortNames: ReadonlySet<string>, townShortNames: ReadonlySet<string>): Form[] {
  const core = coreName(village.shortName);
  const isCommunity = village.shortName.endsWith('社区');
  const forms: Form[] = [{ text: village.name, village, strength: 'full' }];
  const shortForms = isCommunity
    ? [village.shortName, `${core}居委会`, `${core}居委`, `${village.shortName}居委会`]
    : [village.shortName, `${village.shortName}委会`, `${village.shortName}委`, `${village.shortName}村委会`];
  for (const text of shortForms) forms.push({ text, village, strength: 'short' });
  const otherKind = isCommunity ? `${core}村` : `${core}社区`;
  if (!realShortNames.has(otherKind)) forms.push({ text: otherKind, village, strength: 'altKind' });
  // A bare core that is also a town's name (丰盛, 圣灯山, 花溪) means the town.
  if (core.length >= 2 && !townShortNames.has(core)) forms.push({ text: core, village, strength: 'bare' });
  return forms;
}

function findAll(text: string, form: Form): Hit[] {
  const hits: Hit[] = [];
  for (let at = text.indexOf(form.text); at >= 0; at = text.indexOf(form.text, at + 1)) {
    hits.push({ ...form, start: at, end: at + form.text.length });
  }
  return hits;
}

/**
 * Build a matcher over a region table (the JSON shape of `resources/banan-regions.json`).
 *
 * `match` recognises full names, short names (村 / 社区, 居委 / 村委 forms), the wrong kind (百节村 for
 * 百节社区, when no real 百节村 exists) and bare names of ≥ 2 characters (黄金林) when the message is just
 * that name with filler. A town named in the message (木洞镇的…, 界石和平) narrows the candidates; a
 * village that is not in the named town still wins over no match. Several candidates → `{ ambiguous }`.
 */
export function createVillageMatcher(data: RegionsData): VillageMatcher {
  const towns: TownMatch[] = data.towns.map((town) => ({
    code: town.code,
    name: town.name,
    shortName: shortTownName(town.name),
  }));
  const villages: VillageMatch[] = data.towns.flatMap((town) =>
    town.villages.map((village) => ({
      code: village.code,
      name: village.name,
      shortName: shortVillageName(village.name),
      townCode: town.code,
      townName: town.name,
    })),
  );
  const realShortNames = new Set(villages.map((village) => village.shortName));
  const townShortNames = new Set(towns.map((town) => town.shortName));
  const forms = villages.flatMap((village) => formsOf(village, realShortNames, townShortNames));
  const townForms = towns
    .flatMap((town) => [
      { text: town.name, town },
      { text: town.shortName, town },
    ])
    .sort((a, b) => b.text.length - a.text.length);

  function townHits(text: string): Array<{ town: TownMatch; start: number; end: number }> {
    const hits: Array<{ town: TownMatch; start: number; end: number }> = [];
    for (const form of townForms) {
      for (let at = text.indexOf(form.text); at >= 0; at = text.indexOf(form.text, at + 1)) {
        const end = at + form.text.length;
        if (!hits.some((hit) => at < hit.end && end > hit.start)) hits.push({ town: form.town, start: at, end });
      }
    }
    return hits.sort((a, b) => a.start - b.start);
  }

  function withoutTowns(text: string): string {
    return townForms.reduce((rest, form) => rest.replaceAll(form.text, ''), text);
  }

  function isFillerAround(text: string, hit: Hit): boolean {
    return BARE_PREFIX.test(withoutTowns(text.slice(0, hit.start))) && BARE_SUFFIX.test(text.slice(hit.end));
  }

  function match(text: string): VillageMatch | AmbiguousVillage | undefined {
    const bare = compact(normalizeText(text)).replace(/\?/g, '');
    let hits = forms.flatMap((form) => findAll(bare, form)).filter((hit) => hit.strength !== 'bare' || isFillerAround(bare, hit));
    // A name inside a longer name is not a mention of its own (一社区 inside 马王坪正街一社区).
    hits = hits.filter(
      (hit) =>
        !hits.some(
          (other) => other !== hit && other.start <= hit.start && other.end >= hit.end && other.end - other.start > hit.end - hit.start,
        ),
    );
    if (hits.some((hit) => hit.strength === 'full' || hit.strength === 'short')) {
      hits = hits.filter((hit) => hit.strength === 'full' || hit.strength === 'short');
    }
    let candidates = [...new Map(hits.map((hit) => [hit.village.code, hit.village])).values()];
    const named = townHits(bare)
      .filter((town) => !hits.some((hit) => town.start >= hit.start && town.end <= hit.end))
      .map((town) => town.town.code);
    const inNamedTown = candidates.filter((village) => named.includes(village.townCode));
    if (inNamedTown.length > 0) candidates = inNamedTown;
    candidates.sort((a, b) => a.code.localeCompare(b.code));
    const [only] = candidates;
    if (only === undefined) return undefined;
    return candidates.length === 1 ? only : { ambiguous: candidates };
  }

  function matchTown(text: string): TownMatch | undefined {
    return townHits(compact(normalizeText(text)))[0]?.town;
  }

  return { match, matchTown, villages };
}

let defaultMatcher: VillageMatcher | undefined;

/** The matcher over Banan's own table (`resources/banan-regions.json`), built on first use. */
export function getDefaultVillageMatcher(): VillageMatcher {
  defaultMatcher ??= createVillageMatcher(regions);
  return defaultMatcher;
}
