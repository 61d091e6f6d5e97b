/** Integration: every table of the real report, read from the source mirror. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../pipeline/parse/document.js';
import { buildQaReport } from '../pipeline/qa/report.js';
import { extractAll } from '../pipeline/orchestrate/extract.js';
import { REPORT_MD } from './helpers.js';

const doc = await readDocument(readFileSync(REPORT_MD), REPORT_MD);
const { dataset } = extractAll(doc, 'odf-2025-02-13-tough-year');
const { footnotes, sections, charges, articles, organisations, claims, mentions, prisoners } = dataset;

describe('the real report: tables', () => {
  it('row counts', () => {
    expect(Object.fromEntries(Object.entries(dataset).map(([t, rows]) => [t, rows.length]))).toEqual({
      prisoners: 48,
      sections: 39,
      footnotes: 176,
      charges: 88,
      articles: 29,
      organisations: 9,
      claims: 40,
      mentions: 53,
      events: 108,
    });
  });

  it('176 footnotes: 174 with exactly one URL, 2 notes; the URL printed with a space kept as printed', () => {
    expect(footnotes.map((f) => f.number)).toEqual(Array.from({ length: 176 }, (_, i) => i + 1));
    expect(footnotes.filter((f) => f.kind === 'url' && f.urls.length === 1)).toHaveLength(174);
    expect(footnotes.filter((f) => f.kind === 'note').map((f) => f.number)).toEqual([7, 86]);
    expect(footnotes.find((f) => f.number === 86)).toEqual({
      number: 86,
      kind: 'note',
      urls: [],
      domains: [],
      text: 'Available upon request.',
      cited_in: ['the-case-of-botagoz-jardemalie'],
      cited_by: [],
    });
    expect(footnotes.find((f) => f.number === 6)!.urls).toEqual([
      'https://www.lalibre.be/belgique/judiciaire/2025/02/05/lopposante-au-regime-kazakh-botagoz-jardemalie-a-bel-et-bien-ete-harcelee-et-espionnee-en-belgique-pendant-des-annees-GMP SSE7HLFH67CDTH25FO2TDLE/',
    ]);
    expect(footnotes.find((f) => f.number === 127)).toEqual({
      number: 127,
      kind: 'url',
      urls: ['https://rus.azattyq.org/a/32433109.html'],
      domains: ['rus.azattyq.org'],
      text: 'https://rus.azattyq.org/a/32433109.html',
      cited_in: ['in-cases-related-to-the-january-2022-peaceful-protests'],
      cited_by: ['timur-danebayev'],
    });
    expect(footnotes.every((f) => f.urls.every((u) => !/\\|^<|>$/.test(u)))).toBe(true);
  });

  it("every prisoner's source_urls are the URLs of its footnotes", () => {
    const urls = new Map(footnotes.map((f) => [f.number, f.urls]));
    for (const p of prisoners) expect(p.source_urls, p.id).toEqual(p.footnotes.flatMap((n) => urls.get(n)!));
  });

  it('sections: chapters from the table of contents, list headings nested under the list chapter', () => {
    expect(sections.filter((s) => s.level === 2 && s.toc_page !== null).map((s) => [s.title, s.toc_page])).toEqual([
      ['SUMMARY', 5],
      ['TORTURE AND ILL TREATMENT', 7],
      ['FREEDOM OF PEACEFUL ASSEMBLY AND ASSOCIATION', 9],
      ['FREEDOM OF SPEECH AND THE MEDIA', 11],
      ['TRANSNATIONAL REPRESSION', 14],
      ['THREE YEARS AFTER THE SHOOTING OF PEACEFUL JANUARY PROTESTORS: VICTIMS UNABLE TO SEEK JUSTICE', 20],
      ['PROTESTS AGAINST THE CONSTRUCTION OF A NUCLEAR POWER PLANT IN KAZAKHSTAN', 22],
      ['THE LIST OF POLITICAL PRISONERS IN KAZAKHSTAN', 24],
    ]);
    expect(sections.find((s) => s.id === 'convicted')).toEqual({
      id: 'convicted',
      title: 'CONVICTED',
      level: 3,
      parent_id: 'the-list-of-political-prisoners-in-kazakhstan',
      order: 29,
      toc_page: null,
      toc_match: null,
      front_matter: false,
      line_start: 631,
    });
    expect(sections.find((s) => s.line_start === 955)).toEqual({
      id: 'other-persons-detained-during-pre-trial-investigation',
      title: 'Other persons detained during pre-trial investigation',
      level: 4,
      parent_id: 'under-arrest-in-a-pre-trial-detention-facility',
      order: 39,
      toc_page: null,
      toc_match: null,
      front_matter: false,
      line_start: 955,
    });
  });

  it('sections: a row per entry of the table of contents, where the conversion lost its heading too; front matter marked', () => {
    // 24 entries: 8 kept as headings, 15 found at the passage opening them, 1 matching no passage (a QA finding)
    expect(sections.filter((s) => s.toc_match === 'heading')).toHaveLength(8);
    const JANUARY = 'three-years-after-the-shooting-of-peaceful-january-protestors-victims-unable-to-seek-justice';
    const located = sections.filter((s) => s.toc_match === 'text');
    expect(located.map((s) => [s.title.slice(0, 30), s.toc_page, s.level, s.parent_id, s.line_start])).toEqual([
      ['Preventive detentions and arre', 10, 3, 'freedom-of-peaceful-assembly-and-association', 236],
      ['Large-scale repressions agains', 10, 3, 'freedom-of-peaceful-assembly-and-association', 242],
      ['Persecution of Duman Mukhametk', 11, 3, 'freedom-of-speech-and-the-media', 278],
      ['Censorship in social networks:', 13, 3, 'freedom-of-speech-and-the-media', 326],
      ['The murder of journalist Aidos', 14, 3, 'transnational-repression', 338],
      ['The case of opposition politic', 14, 3, 'transnational-repression', 362],
      ['The case against the Open Dial', 15, 3, 'transnational-repression', 366],
      ['The case of Barlyk Mendygazyev', 17, 3, 'transnational-repression', 433],
      ['The case of Botagoz Jardemalie', 18, 3, 'transnational-repression', 455],
      ['The case of Daniyar Khassenov', 19, 3, 'transnational-repression', 475],
      ['The case of DCK leaders Zamanb', 19, 3, 'transnational-repression', 481],
      ["Consequences of Tokayev's refu", 20, 3, JANUARY, 501],
      ['Abuse of anti-terrorism and an', 21, 3, JANUARY, 523],
      ["Public discontent over Russia'", 22, 3, 'protests-against-the-construction-of-a-nuclear-power-plant-in-kazakhstan', 557],
      ['Persecution of activists oppos', 23, 3, 'protests-against-the-construction-of-a-nuclear-power-plant-in-kazakhstan', 561],
    ]);
    expect(sections.filter((s) => s.front_matter).map((s) => s.title)).toEqual([
      '48 political prisoners in Kazakhstan, political repression and total censorship instead of reforms',
      'Project Manager:',
      'Table of Contents:',
    ]);
  });

  it('charges and articles; the "political" articles are the seven the criteria section names', () => {
    expect(charges.filter((c) => c.prisoner_id === 'nurlan-dalibayev').map((c) => [c.article, c.label])).toEqual([
      ['200', 'illegal occupation of a vehicle'],
      ['269', 'attacks on buildings'],
      ['272', 'participation in mass riots'],
    ]);
    expect(charges.find((c) => c.prisoner_id === 'timur-danebayev')).toEqual({
      prisoner_id: 'timur-danebayev',
      article: '174',
      label: 'incitement of national and social discord',
      code: 'Criminal Code of the Republic of Kazakhstan (2014)',
    });
    expect(charges.filter((c) => c.label === null).map((c) => [c.prisoner_id, c.article])).toContainEqual(['nursultan-isayev', '380-1']);
    expect(articles.filter((a) => a.listed_as_political).map((a) => a.article)).toEqual(['174', '179', '256', '258', '272', '274', '405']);
    expect(articles.find((a) => a.article === '405')).toEqual({
      article: '405',
      label: 'participation in the activities of an extremist organisation',
      label_variants: ['participation in the activities of an extremist organisation', 'participation in an extremist organisation'],
      prisoner_count: 7,
      listed_as_political: true,
    });
    expect(articles.find((a) => a.article === '272')).toMatchObject({
      prisoner_count: 20,
      label_variants: expect.arrayContaining(['organise mass riots', 'participation in mass riots']),
    });
  });

  it('the nine authoring organisations', () => {
    expect(organisations.map((o) => [o.name, o.founded_on])).toEqual([
      ['Open Dialogue Foundation', '2009'],
      ['Human Rights Protection Foundation "Qaharman"', '2019'],
      ['Human rights movement "405"', '2019'],
      ['Human rights movement "Bostandyq Kz"', '2020-09-14'],
      ['Human rights movement "Veritas"', '2020-09-17'],
      ['Human rights movement "Femina Virtute"', '2020-11-04'],
      ['Human rights movement "Article 14"', '2020-11-05'],
      ['Human Rights movement "Elimay"', '2020-10-17'],
      ['Freedom Kazakhstan Foundation', '2020-07-13'],
    ]);
    expect(organisations.find((o) => o.id === 'open-dialogue-foundation')).toEqual({
      id: 'open-dialogue-foundation',
      name: 'Open Dialogue Foundation',
      founded_on: '2009',
      description:
        'The Open Dialogue Foundation was established in Poland in 2009 on the initiative of Ukrainian student and civic activist Lyudmyla Kozlovska (who currently serves as President of the Foundation).',
      emails: ['odfoundation@odfoundation.eu'],
      links: ['Website: https://odfoundation.eu/', 'X: @ODFoundation'],
    });
  });

  it('claims: the totals, refusals, torture complaints, convictions and amnesty after January 2022', () => {
    const find = (value: number, unit: string) => claims.find((c) => c.value === value && c.unit === unit);
    expect(find(48, 'political prisoners')).toMatchObject({ section_id: 'summary', period: null });
    expect(find(40, 'people convicted')).toBeDefined();
    expect(find(8, 'people in pre-trial detention')).toBeDefined();
    expect(find(108, 'refusals')).toMatchObject({ period: '2024' });
    expect(claims.find((c) => c.value === 686 && c.section_id === 'freedom-of-peaceful-assembly-and-association')).toMatchObject({
      unit: 'refusals',
      period: '2020-07/2024-12',
    });
    expect(find(25, 'applications')).toMatchObject({ period: '2022-05/2024-11' });
    expect(find(283, 'complaints of torture')).toMatchObject({ period: '2023' });
    expect(find(1151, 'people amnestied')).toBeDefined();
    expect(find(1273, 'people convicted')).toEqual({
      id: 'consequences-of-tokayevs-refusal-to-conduct-an-international-investigation-3',
      value: 1273,
      unit: 'people convicted',
      subject: 'people were convicted on criminal charges',
      period: null,
      section_id: 'consequences-of-tokayevs-refusal-to-conduct-an-international-investigation',
      footnotes: [],
      text: 'Following the suppression of the peaceful January protests and related events, a minimum of 1,273 people were convicted on criminal charges.',
    });
  });

  it('a family name alone: where the section named the prisoner in full, not where a namesake appears', () => {
    // "Syzdykov" after "Aidar Syzdykov" (the other Syzdykov, Fazylzhan, is not in that section)
    const alga = 'large-scale-repressions-against-members-of-the-unregistered-party-alga-kazakhstan';
    expect(mentions).toContainEqual({
      prisoner_id: 'aidar-syzdykov',
      section_id: alga,
      ordinal: 2,
      line: 266,
      name_as_printed: 'Syzdykov',
    });
    // the summary names Barlyk Mendygazyev, who is not a prisoner: "Mendygazyev's colleagues" is not Bekizhan
    expect(mentions.filter((m) => m.line === 146).map((m) => m.name_as_printed)).toEqual([
      'Bekizhan Mendygazyev',
      'Natalia Dauletiarova',
      'Rinat Batkayev',
    ]);
    expect(mentions.filter((m) => m.name_as_printed === 'Danebayev').map((m) => m.line)).toEqual([186, 192, 212]);
  });

  it('mentions across spellings, and the aliases they give', () => {
    const PERSECUTION_OF_JOURNALISTS = 'persecution-of-duman-mukhametkarim-daniyar-adilbekov-temirlan-yensebek';
    expect(mentions.filter((m) => m.prisoner_id === 'temirlan-ensebek')).toEqual([
      { prisoner_id: 'temirlan-ensebek', section_id: 'table-of-contents', ordinal: 1, line: 100, name_as_printed: 'Temirlan Yensebek' },
      { prisoner_id: 'temirlan-ensebek', section_id: 'summary', ordinal: 1, line: 133, name_as_printed: 'Temirlan Ensebek' },
      {
        prisoner_id: 'temirlan-ensebek',
        section_id: PERSECUTION_OF_JOURNALISTS,
        ordinal: 1,
        line: 301,
        name_as_printed: 'Temirlan Ensebek',
      },
      { prisoner_id: 'temirlan-ensebek', section_id: PERSECUTION_OF_JOURNALISTS, ordinal: 2, line: 301, name_as_printed: 'Ensebek' },
      {
        prisoner_id: 'temirlan-ensebek',
        section_id: PERSECUTION_OF_JOURNALISTS,
        ordinal: 3,
        line: 305,
        name_as_printed: 'Temirlan Ensebek',
      },
    ]);
    expect(Object.fromEntries(prisoners.filter((p) => p.aliases.length).map((p) => [p.id, p.aliases]))).toEqual({
      'natalia-dauletyarova': ['Natalia Dauletiarova'],
      'bekizhan-mendygaziyev': ['Bekizhan Mendygazyev'],
      'akylzhan-kiysymbayev': ['Akylzhan Kiisimbayev'],
      'asanali-suyubaev': ['Asanali Suyubayev', 'Suyubayev'],
      'temirlan-ensebek': ['Temirlan Yensebek'],
      // one vowel apart, same given name
      'shaden-karibayev': ['Shaden Kiribayev'],
    });
  });
});

describe('the real report: QA', () => {
  const qa = buildQaReport(doc, dataset);
  const findings = (id: string) => qa.checks.find((c) => c.id === id)!.findings;

  it('"six leaders" followed by five names is a finding', () => {
    expect(findings('named-counts')).toEqual([
      {
        line: 129,
        message:
          'the report says 6 ("leaders of the party") but names 5: Marat Zhylanbayev, Askar Sembay, Asylbek Zhamuratov, Aidar Syzdykov, Asanali Suyubayev',
      },
    ]);
  });

  it('the stated totals match the list; numbering and citations are complete', () => {
    expect(qa.stated_totals).toEqual([
      { unit: 'political prisoners', stated: 48, rows: 48, line: 130 },
      { unit: 'people convicted', stated: 40, rows: 40, line: 130 },
      { unit: 'people in pre-trial detention', stated: 8, rows: 8, line: 130 },
    ]);
    expect(findings('stated-totals')).toEqual([]);
    expect(findings('numbering')).toEqual([]);
    expect(findings('footnote-citations')).toEqual([]);
  });

  it('the URL with a space, duplicate URLs, name variants, label variants, a conflicting verdict date', () => {
    expect(findings('malformed-urls').map((f) => f.line)).toEqual([156]);
    expect(findings('duplicate-urls')).toHaveLength(11);
    expect(findings('duplicate-urls')[0]).toEqual({ line: 286, message: 'footnotes 1, 36 cite the same URL https://www.rfi.fr/en/' });
    expect(findings('name-variants')).toHaveLength(6);
    expect(findings('article-labels')).toHaveLength(8);
    expect(findings('date-conflicts')).toEqual([
      {
        line: 300,
        message: expect.stringMatching(/^Daniyar Adilbekov: the entry \(line 917\) gives the verdict as 2024-10-18; here 2024-10-04/),
      },
    ]);
    // the one entry of the table matching no passage of the text (its section opens without its words)
    const tocFindings = findings('toc-headings').map((f) => f.message);
    expect(tocFindings).toEqual([expect.stringMatching(/^the table of contents lists "Review of legislative/)]);
  });
});
