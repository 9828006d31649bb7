import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ArticleParseError, parseArticle } from '@/seed/parse'

const REAL_FILE = 'trump-administration-holds-quiet-talks-to-broker-israeli-syrian-security-pact.txt'

const CAPTION =
  "Debris and military vehicles lie at the scene of an Israeli strike in Syria's southern Hama governorate, on April 3, 2025. Israel has carried out an extensive bombing campaign against Syrian military assets since Islamist-led rebels toppled longtime strongman Bashar al-Assad in November 2024. It has also carried out ground incursions into southern Syria in a bid to keep the forces of the new government back from the border."

const PARAGRAPHS = [
  'The Trump administration is engaged in "preliminary discussions" with Israel and Syria over a potential security agreement between the two longtime enemies, U.S. and Israeli officials told Axios.',
  'Although full normalization is not yet on the table, the talks could pave the way for future diplomacy aimed at reducing tensions and modernizing security arrangements along the volatile Israel-Syria border.',
  'A senior Israeli official described the process as a “gradual” one designed to build trust and improve relations, but added that Israel wants assurances it will ultimately lead to a comprehensive peace agreement. “A deal is not around the corner,” another Israeli official cautioned, emphasizing that meaningful progress will take time.',
  'In early June, Israeli Prime Minister Benjamin Netanyahu informed Trump’s Syria envoy Tom Barrack of his interest in negotiating a new security accord with Syria’s post-Assad government under U.S. brokerage. According to a senior Israeli official, Netanyahu envisions “a phased set of agreements starting with a modernized version of the 1974 disengagement accord and culminating in full peace and normalization.”',
  'Following last December’s stunning rebel offensive that toppled the Assad regime, led by former Islamist militant Ahmad al-Sharaa, Israel launched waves of airstrikes, systematically dismantling what remained of Syria’s air force, navy, air defenses, and missile systems. Israeli forces then seized control of the buffer zone and occupied parts of Syrian territory, including the strategic Syrian side of Mount Hermon. Israeli officials now consider these areas as leverage, saying they will only withdraw in exchange for “full peace and normalization with Syria.”',
  'Behind the scenes, Israel is communicating with Syria through at least four different channels: Netanyahu’s national security adviser Tzachi Hanegbi, Mossad director David Barnea, Foreign Minister Gideon Saar for political and strategic dialogue, and the Israel Defense Forces for daily military coordination. However, Israeli officials want the U.S. to play a more active mediating role. One senior official told Axios, “We hope to see the Trump administration pushing more assertively on this track.”',
  'A senior U.S. official described the current effort as delicate. “We are having very soft preliminary discussions. Diplomatic breakthroughs are like unwrapping an onion — we are peeling,” the official said. “President Trump and Secretary of State Rubio have been super supportive, and our teams are working well.”',
  'The talks remain at levels below Syrian President Ahmad al-Sharaa, and there is no discussion yet of a leaders’ summit. Two senior Israeli officials said a deal is possible but will require time and careful diplomacy.',
  'One major sticking point remains the Golan Heights, which Israel captured from Syria in the 1967 war. In past negotiations, the Assad regime demanded full or near-full Israeli withdrawal in exchange for peace. During his first term, Trump recognized the Golan Heights as part of Israel — a decision not reversed by the Biden administration. Israeli Foreign Minister Gideon Saar insisted this week that “the Golan Heights will remain part of Israel under any future deal.”',
  'Looking ahead, Ron Dermer, Netanyahu’s close confidant and minister for strategic affairs, is in Washington this week to discuss the potential Syria deal with White House officials. Netanyahu is also expected to visit the White House soon to discuss Syria alongside other regional issues.',
]

describe('parseArticle on the real seed file', () => {
  const text = readFileSync(new URL(`../../seed/content/${REAL_FILE}`, import.meta.url), 'utf8')
  const article = parseArticle(text, REAL_FILE)

  it('reads the headline, byline, date and slug', () => {
    expect(article.title).toBe('Trump Administration Holds Quiet Talks to Broker Israeli-Syrian Security Pact')
    expect(article.authors).toEqual(['Ahmed Mohammed'])
    expect(article.publishedDate).toBe('2025-06-30')
    expect(article.slug).toBe('trump-administration-holds-quiet-talks-to-broker-israeli-syrian-security-pact')
  })

  it('reads the photo caption once, without its credit, and the credit', () => {
    expect(article.photo).toEqual({
      caption: CAPTION,
      alt: "Debris and military vehicles lie at the scene of an Israeli strike in Syria's southern Hama governorate, on April 3, 2025.",
      credit: { creator: 'Abdulaziz KETAZ', provider: 'AFP', line: 'Abdulaziz KETAZ / AFP' },
    })
  })

  it('takes the whole first paragraph as the standfirst, not stopping at "U.S."', () => {
    expect(article.standfirst).toBe(
      'The Trump administration is engaged in "preliminary discussions" with Israel and Syria over a potential security agreement between the two longtime enemies, U.S. and Israeli officials told Axios.',
    )
  })

  it('keeps exactly the ten body paragraphs as written', () => {
    expect(article.paragraphs).toEqual(PARAGRAPHS)
  })

  it('keeps the caption and the sign-off out of the body', () => {
    const body = article.paragraphs.join('\n')
    expect(body).not.toContain('Debris and military vehicles')
    expect(body).not.toContain('Photo by')
    expect(article.paragraphs).not.toContain('Ahmed Mohammed')
    expect(body).not.toContain('30/06/2025')
  })
})

/** Builds a file from its lines, the way an editor saves it. */
const file = (...lines: string[]): string => `${lines.join('\n')}\n`

const parse = (...lines: string[]) => parseArticle(file(...lines), 'piece.txt')

const CAPTION_LINE = 'Rescuers search the rubble in Aleppo on June 29, 2025. The strike hit at dawn. (Photo by Jane Doe / Reuters)'

describe('parseArticle variants', () => {
  it('accepts a piece without a photo', () => {
    const article = parse('Headline', '', 'Ahmed Mohammed 30/06/2025', '', 'First. Second.', '', 'Last.')
    expect(article.photo).toBeUndefined()
    expect(article).not.toHaveProperty('photo')
    expect(article.paragraphs).toEqual(['First. Second.', 'Last.'])
    expect(article.standfirst).toBe('First.')
  })

  it('reads a caption written once', () => {
    const article = parse('Headline', 'Ahmed Mohammed 30/06/2025', CAPTION_LINE, '', 'Body.')
    expect(article.photo).toEqual({
      caption: 'Rescuers search the rubble in Aleppo on June 29, 2025. The strike hit at dawn.',
      alt: 'Rescuers search the rubble in Aleppo on June 29, 2025.',
      credit: { creator: 'Jane Doe', provider: 'Reuters', line: 'Jane Doe / Reuters' },
    })
    expect(article.paragraphs).toEqual(['Body.'])
  })

  it('drops a repeated caption even with a blank line between the copies', () => {
    const article = parse('Headline', 'Ahmed Mohammed 30/06/2025', '', CAPTION_LINE, '', CAPTION_LINE, '', 'Body.')
    expect(article.photo?.credit.line).toBe('Jane Doe / Reuters')
    expect(article.paragraphs).toEqual(['Body.'])
  })

  it.each([
    ['By Jane Doe and John Roe 30 June 2025', ['Jane Doe', 'John Roe']],
    ['Jane Doe, John Roe and Ahmed Mohammed June 30, 2025', ['Jane Doe', 'John Roe', 'Ahmed Mohammed']],
    ['By Jane Doe, John Roe, and Ahmed Mohammed 30/06/2025', ['Jane Doe', 'John Roe', 'Ahmed Mohammed']],
    ['Jane Doe & John Roe 2025-06-30', ['Jane Doe', 'John Roe']],
  ])('reads the authors of %j', (byline, authors) => {
    const article = parse('Headline', byline, 'Body.')
    expect(article.authors).toEqual(authors)
    expect(article.publishedDate).toBe('2025-06-30')
  })

  it.each(['30/06/2025', '30.06.2025', '30-06-2025', '30 June 2025', '30 Jun 2025', 'June 30, 2025', 'Jun 30 2025', '2025-06-30'])(
    'reads the date %j after the byline',
    (date) => {
      expect(parse('Headline', `Ahmed Mohammed ${date}`, 'Body.').publishedDate).toBe('2025-06-30')
    },
  )

  it('reads a date alone on the line after the byline', () => {
    const article = parse('Headline', 'By Ahmed Mohammed', '30 June 2025', '', 'Body.')
    expect(article.authors).toEqual(['Ahmed Mohammed'])
    expect(article.publishedDate).toBe('2025-06-30')
    expect(article.paragraphs).toEqual(['Body.'])
  })

  it.each([
    ['(Photo by Abdulaziz KETAZ / AFP)', { creator: 'Abdulaziz KETAZ', provider: 'AFP', line: 'Abdulaziz KETAZ / AFP' }],
    ['(Photo: AFP)', { provider: 'AFP', line: 'AFP' }],
    ['(Abdulaziz KETAZ/AFP)', { creator: 'Abdulaziz KETAZ', provider: 'AFP', line: 'Abdulaziz KETAZ / AFP' }],
    ['(Handout / AFP)', { creator: 'Handout', provider: 'AFP', line: 'Handout / AFP' }],
    ['(Photo by Jane Doe)', { creator: 'Jane Doe', line: 'Jane Doe' }],
    ['(Picture: Courtesy of the family)', { provider: 'Courtesy of the family', line: 'Courtesy of the family' }],
    ['Photo: Jane Doe for Reuters', { creator: 'Jane Doe', provider: 'Reuters', line: 'Jane Doe / Reuters' }],
    ['Photograph by Jane Doe / Reuters', { creator: 'Jane Doe', provider: 'Reuters', line: 'Jane Doe / Reuters' }],
  ])('reads a caption credited %j', (credit, expected) => {
    const article = parse('Headline', 'Ahmed Mohammed 30/06/2025', `A market in Idlib. ${credit}`, 'Body.')
    expect(article.photo).toEqual({ caption: 'A market in Idlib.', alt: 'A market in Idlib.', credit: expected })
    expect(article.paragraphs).toEqual(['Body.'])
  })

  it('does not take a first paragraph ending in an ordinary parenthesis for a caption', () => {
    const article = parse('Headline', 'Ahmed Mohammed 30/06/2025', 'Talks resumed on Monday (Reuters)', '', 'More.')
    expect(article.photo).toBeUndefined()
    expect(article.paragraphs).toEqual(['Talks resumed on Monday (Reuters)', 'More.'])
  })

  it('joins a paragraph written on several lines and keeps quotes as written', () => {
    const article = parse('Headline', 'Ahmed Mohammed 30/06/2025', '', '  “A deal is not', 'around the corner,” he said, "again".  ')
    expect(article.paragraphs).toEqual(['“A deal is not around the corner,” he said, "again".'])
  })

  it('keeps a headline that ends with a date when the byline follows it', () => {
    const article = parse('Timeline of the war since 7 October 2023', 'Ahmed Mohammed 30/06/2025', 'Body.')
    expect(article.title).toBe('Timeline of the war since 7 October 2023')
    expect(article.authors).toEqual(['Ahmed Mohammed'])
  })

  it('reads Windows line endings and a byte-order mark', () => {
    const article = parseArticle('\uFEFFHeadline\r\nAhmed Mohammed 30/06/2025\r\n\r\nBody.\r\n', 'piece.txt')
    expect(article.title).toBe('Headline')
    expect(article.paragraphs).toEqual(['Body.'])
  })

  it.each([
    [['Ahmed Mohammed', '', '30/06/2025']],
    [['Ahmed Mohammed', '30/06/2025']],
    [['Ahmed Mohammed 30/06/2025']],
    [['ahmed mohammed', '30 June 2025']],
  ])('strips the sign-off %j', (signOff) => {
    const article = parse('Headline', 'Ahmed Mohammed 30/06/2025', '', 'Body.', '', '', ...signOff, '', '')
    expect(article.paragraphs).toEqual(['Body.'])
  })

  it('strips a sign-off naming one of several authors', () => {
    const article = parse('Headline', 'By Jane Doe and John Roe 30/06/2025', 'Body.', '', 'John Roe', '30/06/2025')
    expect(article.paragraphs).toEqual(['Body.'])
  })

  it.each([
    ['another author', ['Jane Doe', '30/06/2025']],
    ['another date', ['Ahmed Mohammed', '01/07/2025']],
    ['a name without a date', ['Ahmed Mohammed']],
    ['a last paragraph that ends with the date', ['The vote was held on 30/06/2025']],
  ])('keeps a last paragraph that is not a sign-off: %s', (_, ending) => {
    const article = parse('Headline', 'Ahmed Mohammed 30/06/2025', '', 'Body.', ...ending.flatMap((line) => ['', line]))
    expect(article.paragraphs).toEqual(['Body.', ...ending])
  })
})

/** Runs the parser and returns the ArticleParseError it must throw. */
function parseError(text: string): ArticleParseError {
  try {
    parseArticle(text, '000_x.txt')
  } catch (error) {
    expect(error).toBeInstanceOf(ArticleParseError)
    return error as ArticleParseError
  }
  throw new Error('expected parseArticle to throw')
}

describe('parseArticle errors', () => {
  it.each(['', '\n\n  \n'])('rejects the empty file %j on line 1', (text) => {
    const error = parseError(text)
    expect(error).toMatchObject({ file: '000_x.txt', line: 1, name: 'ArticleParseError' })
    expect(error.message).toBe('000_x.txt:1: expected a headline, found an empty file')
  })

  it('rejects a file whose first line is the byline', () => {
    const error = parseError(file('Ahmed Mohammed 30/06/2025', CAPTION_LINE, '', 'Body.'))
    expect(error.line).toBe(1)
    expect(error.message).toBe(
      '000_x.txt:1: expected a headline, found a byline or date line "Ahmed Mohammed 30/06/2025"',
    )
  })

  it('rejects a file whose first line is a date', () => {
    const error = parseError(file('', '30/06/2025', '', 'Body.'))
    expect(error.line).toBe(2)
    expect(error.message).toBe('000_x.txt:2: expected a headline, found a byline or date line "30/06/2025"')
  })

  it('rejects a missing byline, quoting what it found instead', () => {
    const error = parseError(file('Headline', '', 'The talks went on for hours.', '', 'More.'))
    expect(error.line).toBe(3)
    expect(error.message).toBe(
      '000_x.txt:3: expected a byline and date line such as "Ahmed Mohammed 30/06/2025", found "The talks went on for hours."',
    )
  })

  it('rejects a byline without a date', () => {
    const error = parseError(file('Headline', 'Ahmed Mohammed', CAPTION_LINE, 'Body.'))
    expect(error.line).toBe(2)
    expect(error.message).toMatch(/^000_x\.txt:2: expected a byline and date line .*, found "Ahmed Mohammed"$/)
  })

  it('rejects a date without a byline', () => {
    const error = parseError(file('Headline', '30/06/2025', 'Body.'))
    expect(error.line).toBe(2)
    expect(error.message).toMatch(/^000_x\.txt:2: expected a byline and date line .*, found "30\/06\/2025"$/)
  })

  it('shortens a long line it quotes', () => {
    const error = parseError(file('Headline', CAPTION_LINE.repeat(2), 'Body.'))
    expect(error.message).toContain(`found "${CAPTION_LINE.slice(0, 79)}…"`)
  })

  it('rejects a headline-only file', () => {
    const error = parseError('Headline')
    expect(error.line).toBe(1)
    expect(error.message).toMatch(/^000_x\.txt:1: expected a byline and date line .*, found the end of the file$/)
  })

  it('rejects a headline without letters or digits', () => {
    const error = parseError(file('—!?', 'Ahmed Mohammed 30/06/2025', 'Body.'))
    expect(error.line).toBe(1)
    expect(error.message).toBe('000_x.txt:1: expected a headline with letters or digits, found "—!?"')
  })

  it.each([
    [file('Headline', '', 'Ahmed Mohammed 31/02/2025', 'Body.'), 3, '31/02/2025 is not a real date (February 2025 has 28 days)'],
    [file('Headline', 'Ahmed Mohammed', '', '30/13/2025', 'Body.'), 4, '30/13/2025 is not a real date (there is no month 13)'],
    [file('Headline', 'Ahmed Mohammed 30/06/2025', 'Body.', '', 'Ahmed Mohammed', '31/06/2025'), 6, '31/06/2025 is not a real date (June 2025 has 30 days)'],
  ])('rejects an impossible date, naming its line (%#)', (text, line, reason) => {
    const error = parseError(text)
    expect(error.line).toBe(line)
    expect(error.message).toBe(`000_x.txt:${line}: ${reason}`)
  })

  it('rejects a piece with a caption but no body', () => {
    const error = parseError(file('Headline', 'Ahmed Mohammed 30/06/2025', CAPTION_LINE, CAPTION_LINE))
    expect(error.line).toBe(5)
    expect(error.message).toBe('000_x.txt:5: expected body paragraphs after the caption, found the end of the file')
  })

  it('rejects a piece whose only text after the byline is the sign-off', () => {
    const error = parseError(file('Headline', 'Ahmed Mohammed 30/06/2025', '', 'Ahmed Mohammed', '', '30/06/2025'))
    expect(error.line).toBe(4)
    expect(error.message).toBe('000_x.txt:4: expected body paragraphs after the byline, found only the sign-off')
  })
})

describe('parseArticle language line', () => {
  const piece = (first: string) => `${first}\nمحادثات هادئة بين إسرائيل وسوريا\nAhmed Mohammed 30/06/2025\nBody.\n`
  it('takes the language from a first "Language:" line, and slugs the headline in it', () => {
    const article = parseArticle(piece('Language: AR'), 'ar.txt')
    expect(article.language).toBe('ar')
    expect(article.title).toBe('محادثات هادئة بين إسرائيل وسوريا')
    expect(article.slug).toBe('محادثات-هادئة-بين-إسرائيل-وسوريا')
  })
  it('defaults to the site’s language', () => {
    expect(parseArticle('Talks\nAhmed Mohammed 30/06/2025\nBody.\n', 'en.txt').language).toBe('en')
  })
  it('reads a headline that merely starts with "Language:" as a headline', () => {
    const article = parseArticle('Language: Babel\nAhmed Mohammed 30/06/2025\nBody.\n', 'babel.txt')
    expect([article.title, article.language]).toEqual(['Language: Babel', 'en'])
  })
  it('reports a malformed tag on its line', () => {
    expect(() => parseArticle(piece('Language: ar_EG'), 'bad.txt')).toThrow('bad.txt:1: expected a BCP 47 language tag such as "ar" or "pt-BR", found "ar_EG"')
  })
})
