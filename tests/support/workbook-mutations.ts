import fc from 'fast-check'
import { unzip, zip } from './zip-parts'

/**
 * Ways a file that started as one of our templates can arrive broken: cut off by a mail gateway,
 * bit rot, hand-edited XML, a hostile file built to exhaust the parser. Each is a fast-check
 * arbitrary of a function from the original bytes to the mutated bytes, with a label for reports.
 */
export interface Mutation {
  label: string
  apply(file: Buffer): Buffer
}

const DATA_SHEETS = /^xl\/worksheets\/sheet\d+\.xml$/

/** Applies `change` to one XML part chosen by `pick` (an index into the matching parts). */
function inPart(
  file: Buffer,
  match: RegExp,
  pick: number,
  change: (xml: string) => string,
): Buffer {
  let parts
  try {
    parts = unzip(file)
  } catch {
    return file
  }
  const names = [...parts.keys()].filter((n) => match.test(n))
  const name = names[pick % Math.max(1, names.length)]
  if (!name) return file
  parts.set(name, Buffer.from(change(parts.get(name)!.toString('utf8')), 'utf8'))
  return zip(parts)
}

const truncate = fc.double({ min: 0, max: 1, noNaN: true }).map<Mutation>((share) => ({
  label: `afgekapt op ${Math.round(share * 100)} %`,
  apply: (file) => file.subarray(0, Math.floor(file.length * share)),
}))

const flipBytes = fc
  .array(
    fc.tuple(
      fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
      fc.integer({ min: 1, max: 255 }),
    ),
    {
      minLength: 1,
      maxLength: 24,
    },
  )
  .map<Mutation>((flips) => ({
    label: `${flips.length} byte(s) omgedraaid`,
    apply: (file) => {
      const copy = Buffer.from(file)
      for (const [at, mask] of flips) {
        const i = Math.floor(at * copy.length)
        copy[i] = copy[i]! ^ mask
      }
      return copy
    },
  }))

const randomBinary = fc.uint8Array({ minLength: 1, maxLength: 4096 }).map<Mutation>((bytes) => ({
  label: `${bytes.length} willekeurige bytes`,
  apply: () => Buffer.from(bytes),
}))

const junkAround = fc
  .tuple(fc.uint8Array({ maxLength: 512 }), fc.uint8Array({ maxLength: 512 }))
  .map<Mutation>(([before, after]) => ({
    label: 'rommel ervoor en erna',
    apply: (file) => Buffer.concat([Buffer.from(before), file, Buffer.from(after)]),
  }))

/** XML that is wrong in a way a parser must survive. */
const badXml = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.constant(''),
  fc.constant('<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c>'),
  fc.constant('<?xml version="1.0"?><html><body>geen werkblad</body></html>'),
  fc.constant(
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]><sst><si><t>&d;&d;&d;&d;</t></si></sst>',
  ),
  fc.constant('\u0000\u0001\u0002<<<>>>&&&'),
)

const replacePart = fc.tuple(fc.nat(), badXml).map<Mutation>(([pick, xml]) => ({
  label: 'een onderdeel vervangen door foute XML',
  apply: (file) => inPart(file, /\.(xml|rels)$/, pick, () => xml),
}))

const dropPart = fc.nat().map<Mutation>((pick) => ({
  label: 'een onderdeel weggelaten',
  apply: (file) => {
    try {
      const parts = unzip(file)
      const names = [...parts.keys()]
      parts.delete(names[pick % names.length]!)
      return zip(parts)
    } catch {
      return file
    }
  },
}))

/** Cell and row XML that lies about types, indexes and positions. */
const badCell = fc.constantFrom(
  '<c r="A2" t="s"><v>999999</v></c>',
  '<c r="B2" t="s"><v>-1</v></c>',
  '<c r="C2" t="b"><v>misschien</v></c>',
  '<c r="D2" t="d"><v>gisteren</v></c>',
  '<c r="E2" t="e"><v>#DIV/0!</v></c>',
  '<c r="F2" t="n"><v>1e400</v></c>',
  '<c r="G2"><f>1/0</f></c>',
  '<c r="H2"><f>HYPERLINK("http://voorbeeld.invalid","klik")</f><v>klik</v></c>',
  '<c r="I2" t="inlineStr"><is><t>=cmd|\' /C calc\'!A0</t></is></c>',
  '<c r="XFD1048576"><v>1</v></c>',
  '<c r="ZZZZZ0"><v>1</v></c>',
  '<c><v>zonder adres</v></c>',
)

const breakCells = fc
  .tuple(fc.nat(), fc.array(badCell, { minLength: 1, maxLength: 6 }))
  .map<Mutation>(([pick, cells]) => ({
    label: `cellen met foute typen (${cells.length})`,
    apply: (file) =>
      inPart(file, DATA_SHEETS, pick, (xml) =>
        xml.replace(/<row r="2"[^>]*>/, (row) => `${row}${cells.join('')}`),
      ),
  }))

const oddRows = fc
  .tuple(fc.nat(), fc.constantFrom('0', '-5', '1048576', '99999999', 'abc', '2'))
  .map<Mutation>(([pick, r]) => ({
    label: `rij met nummer ${r}`,
    apply: (file) =>
      inPart(file, DATA_SHEETS, pick, (xml) =>
        xml.replace('</sheetData>', `<row r="${r}"><c r="A${r}"><v>1</v></c></row></sheetData>`),
      ),
  }))

const manyColumns = fc.integer({ min: 150, max: 400 }).map<Mutation>((n) => ({
  label: `rij met ${n} kolommen`,
  apply: (file) =>
    inPart(file, DATA_SHEETS, 1, (xml) =>
      xml.replace(
        '</sheetData>',
        `<row r="3">${Array.from({ length: n }, (_, i) => `<c><v>${i}</v></c>`).join('')}</row></sheetData>`,
      ),
    ),
}))

const deepNesting = fc
  .tuple(fc.nat(), fc.integer({ min: 1_000, max: 60_000 }))
  .map<Mutation>(([pick, depth]) => ({
    label: `${depth} lagen diep genest`,
    apply: (file) =>
      inPart(file, /^xl\/(worksheets\/sheet\d+|sharedStrings|workbook)\.xml$/, pick, (xml) =>
        xml.replace(
          /(<(?:sheetData|sst|sheets)[^>]*>)/,
          `$1${'<x>'.repeat(depth)}${'</x>'.repeat(depth)}`,
        ),
      ),
  }))

const breakStrings = fc
  .constantFrom(
    (xml: string) => xml.replace(/<\/si>/g, ''),
    (xml: string) => xml.replace(/<t[^>]*>/, '<t>'.padEnd(2_000_000, 'x')),
    (xml: string) => xml.replace(/count="\d+"/, 'count="-1"'),
    (xml: string) => xml.replace(/<si>/g, '<si><r><t>'),
  )
  .map<Mutation>((change) => ({
    label: 'gedeelde teksten beschadigd',
    apply: (file) => inPart(file, /^xl\/sharedStrings\.xml$/, 0, change),
  }))

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  truncate,
  flipBytes,
  randomBinary,
  junkAround,
  replacePart,
  dropPart,
  breakCells,
  oddRows,
  manyColumns,
  deepNesting,
  breakStrings,
)

/** One to three mutations, applied in order. */
export const mutations = fc.array(mutation, { minLength: 1, maxLength: 3 })
