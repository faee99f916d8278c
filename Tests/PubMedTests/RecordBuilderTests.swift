import Testing
@testable import PubMed

@Suite("Record fields")
struct RecordBuilderTests {
    // MARK: Identity and status

    @Test("PMID, version, status, owner and indexing method come from MedlineCitation")
    func identity() throws {
        let record = try ParserFixtures.record("all-fields.xml")
        #expect(record.pmid == PMID(31000001))
        #expect(record.version == 1)
        #expect(record.kind == .article)
        #expect(record.status == "MEDLINE")
        #expect(record.owner == "NLM")
        #expect(record.indexingMethod == "Automated")
        #expect(record.pubModel == "Print-Electronic")
    }

    @Test("PMID Version is read; absent means 1; a CommentsCorrections PMID never replaces the record's")
    func pmidVersion() throws {
        let records = try ParserFixtures.parse("pmid-version.xml").records
        try #require(records.count == 2)
        #expect(records[0].pmid == PMID(30271887))
        #expect(records[0].version == 3)
        #expect(records[0].commentsCorrections.first?.pmid == PMID(11111111))
        #expect(records[1].pmid == PMID(30271888))
        #expect(records[1].version == 1)
    }

    @Test("completed and revised dates are partial dates")
    func citationDates() throws {
        let record = try ParserFixtures.record("all-fields.xml")
        #expect(record.dateCompleted == PartialDate(year: 2019, month: 8, day: 14))
        #expect(record.dateRevised == PartialDate(year: 2020, month: 3, day: 9))
        #expect(record.dateCreated == nil)
    }

    // MARK: Titles and abstracts

    @Test("title and vernacular title")
    func titles() throws {
        let record = try ParserFixtures.record("all-fields.xml")
        #expect(record.title == "Efficacy of esketamine nasal spray in treatment-resistant depression.")
        #expect(record.vernacularTitle == "Wirksamkeit von Esketamin.")
    }

    @Test("inline markup becomes plain text with every character kept and none added")
    func inlineMarkup() throws {
        let record = try ParserFixtures.record("inline-markup.xml")
        #expect(record.title == "Effect of Lactobacillus on CO2 and 13C uptake (P<0.001, n = 12) & more")
        #expect(record.abstract.map(\.text) == ["Values were P<0.05 and x>3; in vivo 10-3 M."])
        #expect(record.keywords.map(\.text) == ["Lactobacillus reuteri"])
    }

    @Test("MathML keeps its characters; only a pretty-printed formula's line-break indentation goes")
    func mathML() throws {
        let record = try ParserFixtures.record("mathml.xml")
        #expect(record.title == "Simultaneous T 1 mapping")
        #expect(record.abstract.first?.text == "Inhaled He3 MRI with x<y.")
    }

    @Test("a structured abstract keeps its sections in order with Label and NlmCategory")
    func structuredAbstract() throws {
        let record = try ParserFixtures.record("structured-abstract.xml")
        #expect(record.abstract == [
            AbstractSection(label: "BACKGROUND", category: "BACKGROUND", text: "Ketamine is fast."),
            AbstractSection(label: "Methods and Findings", category: "METHODS", text: "We randomised 40 people."),
            AbstractSection(label: "RESULTS", category: "RESULTS", text: "Response was higher (P<0.001)."),
            AbstractSection(label: "CONCLUSIONS", category: "CONCLUSIONS", text: "It works."),
        ])
        #expect(record.abstractCopyright == "© 2020 The Authors.")
        #expect(record.abstractText?.hasPrefix("BACKGROUND: Ketamine is fast.\nMethods and Findings: ") == true)
    }

    @Test("OtherAbstract keeps type, language, sections and copyright, apart from the abstract")
    func otherAbstract() throws {
        let record = try ParserFixtures.record("structured-abstract.xml")
        #expect(record.otherAbstracts == [
            OtherAbstract(type: "Publisher", language: "spa",
                          sections: [AbstractSection(label: "OBJETIVO", text: "Resumen en español.")],
                          copyright: "© 2020 Los Autores."),
            OtherAbstract(type: "plain-language-summary", language: "eng",
                          sections: [AbstractSection(text: "A plain summary.")]),
        ])
        #expect(record.abstract.count == 4)
    }

    // MARK: People

    @Test("an author keeps names, suffix, ORCID (normalised), identifiers, affiliations and flags")
    func author() throws {
        let record = try ParserFixtures.record("collective-name.xml")
        let author = try #require(record.authors.first)
        #expect(author.lastName == "Østergaard")
        #expect(author.foreName == "Søren D")
        #expect(author.initials == "SD")
        #expect(author.suffix == "Jr")
        #expect(author.orcid == "0000-0002-1825-009X")
        #expect(author.identifiers == [Identifier(source: "ISNI", value: "0000000121032683")])
        #expect(author.affiliations == [
            "Department of Affective Disorders, Aarhus University Hospital, Denmark.",
            "Department of Clinical Medicine, Aarhus University, Denmark.",
        ])
        #expect(author.affiliationIdentifiers == [Identifier(source: "ROR", value: "https://ror.org/040r8fr65")])
        #expect(author.equalContribution)
        #expect(author.valid)
    }

    @Test("a CollectiveName is an author of its own, and ValidYN=N is kept")
    func collectiveName() throws {
        let record = try ParserFixtures.record("collective-name.xml")
        #expect(record.authors.count == 3)
        #expect(record.authors[1].collectiveName == "Esketamine Study Group")
        #expect(record.authors[1].lastName == nil)
        #expect(record.authors[1].displayName == "Esketamine Study Group")
        #expect(record.authors[2].valid == false)
        #expect(record.authorListComplete)
    }

    @Test("AuthorList CompleteYN=N is kept")
    func incompleteAuthorList() throws {
        #expect(try ParserFixtures.record("all-fields.xml").authorListComplete == false)
    }

    @Test("investigators are kept apart from authors")
    func investigators() throws {
        let record = try ParserFixtures.record("collective-name.xml")
        #expect(record.investigators.count == 1)
        #expect(record.investigators.first?.lastName == "Müller")
        #expect(record.investigators.first?.orcid == "0000-0002-1825-0097")
        #expect(record.investigators.first?.affiliations == ["Charité, Berlin."])
    }

    @Test("personal name subjects")
    func personalNameSubjects() throws {
        let record = try ParserFixtures.record("all-fields.xml")
        #expect(record.personalNameSubjects == [Author(lastName: "Freud", foreName: "Sigmund", initials: "S")])
    }

    // MARK: Journal and dates

    @Test("journal title, ISO abbreviation, ISSN and type, volume, issue and cited medium")
    func journal() throws {
        let record = try ParserFixtures.record("all-fields.xml")
        #expect(record.journal == Journal(title: "JAMA psychiatry", isoAbbreviation: "JAMA Psychiatry", issn: "2168-6238",
                                          issnType: "Electronic", volume: "76", issue: "9", citedMedium: "Internet"))
    }

    @Test("MedlineJournalInfo")
    func journalInfo() throws {
        let record = try ParserFixtures.record("all-fields.xml")
        #expect(record.journalInfo == MedlineJournalInfo(country: "United States", medlineTA: "JAMA Psychiatry",
                                                         nlmUniqueID: "101589550", issnLinking: "2168-622X"))
    }

    @Test("PubDate as Year, Month and Day")
    func pubDate() throws {
        let record = try ParserFixtures.record("all-fields.xml")
        #expect(record.pubDate == PubDate(year: 2019, month: "Sep", day: "01"))
        #expect(record.pubDate?.printed == "2019 Sep 1")
        #expect(record.year == 2019)
    }

    @Test("a MedlineDate keeps its text and gets its first year")
    func medlineDate() throws {
        let record = try ParserFixtures.record("medline-date.xml")
        #expect(record.pubDate?.medlineDate == "1998 Dec-1999 Jan")
        #expect(record.pubDate?.year == 1998)
        #expect(record.pubDate?.printed == "1998 Dec-1999 Jan")
    }

    @Test("a Season is kept with its year")
    func seasonDate() throws {
        let record = try ParserFixtures.record("season-date.xml")
        #expect(record.pubDate == PubDate(year: 2001, season: "Spring"))
        #expect(record.pubDate?.printed == "2001 Spring")
    }

    @Test("ArticleDate and the PubmedData history keep their types and times")
    func historyDates() throws {
        let record = try ParserFixtures.record("all-fields.xml")
        #expect(record.articleDates == [HistoryDate(status: "Electronic", year: 2019, month: 6, day: 12)])
        #expect(record.history == [
            HistoryDate(status: "received", year: 2018, month: 11, day: 5),
            HistoryDate(status: "entrez", year: 2019, month: 6, day: 13, hour: 6, minute: 0),
        ])
        #expect(record.publicationStatus == "ppublish")
    }

    // MARK: Pages and identifiers

    @Test("MedlinePgn is kept as written and expanded")
    func medlinePagination() throws {
        let record = try ParserFixtures.record("medline-date.xml")
        #expect(record.pagination?.medlinePgn == "148-52")
        #expect(record.pagination?.expandedPages == "148-152")
    }

    @Test("StartPage and EndPage are kept beside MedlinePgn")
    func startAndEndPages() throws {
        let records = try ParserFixtures.parse("page-ranges.xml").records
        try #require(records.count == 2)
        #expect(records[0].pagination == Pagination(startPage: "S1", endPage: "5", medlinePgn: "S1-5"))
        #expect(records[0].pagination?.expandedPages == "S1-S5")
        #expect(records[1].pagination?.expandedPages == "e0251234")
    }

    @Test("ELocationIDs keep their type and validity, in order")
    func eLocationIDs() throws {
        let record = try ParserFixtures.record("all-fields.xml")
        #expect(record.eLocationIDs == [
            ELocationID(type: "pii", value: "2736161", valid: true),
            ELocationID(type: "doi", value: "10.9999/invalid.1", valid: false),
            ELocationID(type: "doi", value: "10.1001/jamapsychiatry.2019.1189", valid: true),
        ])
    }

    @Test("ArticleIdList ids are the article's; ids inside ReferenceList stay with their reference")
    func articleIDs() throws {
        let record = try ParserFixtures.record("all-fields.xml")
        #expect(record.articleIDs == [
            ArticleID(type: "pubmed", value: "31000001"),
            ArticleID(type: "doi", value: "10.1001/jamapsychiatry.2019.1189"),
            ArticleID(type: "pii", value: "2736161"),
            ArticleID(type: "pmc", value: "PMC6584287"),
        ])
        #expect(record.doi?.value == "10.1001/jamapsychiatry.2019.1189")
        #expect(record.pmcid == "PMC6584287")
    }

    @Test("a later id of the same type never overwrites an earlier one")
    func duplicateIDs() throws {
        let record = try ParserFixtures.record("duplicate-ids.xml")
        #expect(record.articleIDs.map(\.value) == ["10.1000/first", "S0000-0000(21)00001-1", "10.1000/second", "e123"])
        #expect(record.eLocationIDs.map(\.value) == ["10.1000/first", "10.1000/second"])
        #expect(record.doi?.value == "10.1000/first")
    }

    @Test("references keep their citation and ids")
    func references() throws {
        let record = try ParserFixtures.record("all-fields.xml")
        #expect(record.references == [
            Reference(citation: "Zarate CA Jr, et al. A randomized trial of ketamine. Arch Gen Psychiatry. 2006.",
                      articleIDs: [ArticleID(type: "doi", value: "10.1001/archpsyc.63.8.856"),
                                   ArticleID(type: "pubmed", value: "16894061")]),
            Reference(citation: "A reference without ids."),
        ])
    }

    // MARK: Indexing

    @Test("languages keep their order")
    func languages() throws {
        #expect(try ParserFixtures.record("all-fields.xml").languages == ["eng", "ger"])
    }

    @Test("publication types keep their UI")
    func publicationTypes() throws {
        #expect(try ParserFixtures.record("all-fields.xml").publicationTypes == [
            PublicationType(name: "Randomized Controlled Trial", ui: "D016449"),
            PublicationType(name: "Research Support, Non-U.S. Gov't", ui: "D013485"),
        ])
    }

    @Test("MeSH headings keep descriptor UI, major flag, type and qualifiers with their major flags")
    func mesh() throws {
        let record = try ParserFixtures.record("all-fields.xml")
        #expect(record.mesh == [
            MeshHeading(descriptor: "Anticonvulsants", ui: "D000927", major: false),
            MeshHeading(descriptor: "Depressive Disorder, Treatment-Resistant", ui: "D061218", major: true, qualifiers: [
                MeshQualifier(name: "drug therapy", ui: "Q000188", major: true),
                MeshQualifier(name: "physiopathology", ui: "Q000503", major: false),
            ]),
            MeshHeading(descriptor: "United States", ui: "D014481", major: false, type: "Geographic"),
        ])
    }

    @Test("chemicals keep registry number and UI")
    func chemicals() throws {
        #expect(try ParserFixtures.record("all-fields.xml").chemicals == [
            Chemical(name: "Antidepressive Agents", ui: "D000928", registryNumber: "0"),
            Chemical(name: "Ketamine", ui: "D007649", registryNumber: "690G0D6V8H"),
        ])
    }

    @Test("supplementary MeSH names keep type and UI")
    func supplementaryConcepts() throws {
        #expect(try ParserFixtures.record("all-fields.xml").supplementaryConcepts == [
            SupplementaryConcept(name: "COVID-19", ui: "C000657245", type: "Disease"),
        ])
    }

    @Test("keywords keep major flag and owner")
    func keywords() throws {
        #expect(try ParserFixtures.record("all-fields.xml").keywords == [
            Keyword(text: "esketamine", major: true, owner: "NOTNLM"),
            Keyword(text: "depression", major: false, owner: "NOTNLM"),
        ])
    }

    @Test("grants keep id, acronym, agency and country; CompleteYN is kept")
    func grants() throws {
        let record = try ParserFixtures.record("all-fields.xml")
        #expect(record.grants == [
            Grant(grantID: "R01 MH000001", acronym: "MH", agency: "NIMH NIH HHS", country: "United States"),
            Grant(agency: "Janssen"),
        ])
        #expect(record.grantListComplete == false)
    }

    @Test("CommentsCorrections keep type, source, PMID and note")
    func commentsCorrections() throws {
        #expect(try ParserFixtures.record("all-fields.xml").commentsCorrections == [
            CommentCorrection(type: "ErratumIn", refSource: "JAMA Psychiatry. 2019 Sep 1;76(9):988", pmid: PMID(31339531),
                              note: "Corrected author name."),
            CommentCorrection(type: "CommentIn", refSource: "JAMA Psychiatry. 2020;77(1):1"),
        ])
    }

    @Test("citation subsets, other ids, general notes, gene symbols and space flight missions")
    func smallLists() throws {
        let record = try ParserFixtures.record("all-fields.xml")
        #expect(record.citationSubsets == ["IM", "AIM"])
        #expect(record.otherIDs == [OtherID(source: "NLM", value: "PMC6583001")])
        #expect(record.generalNotes == ["Original report in English."])
        #expect(record.geneSymbols == ["BDNF"])
        #expect(record.spaceFlightMissions == ["Flight Experiment"])
    }

    @Test("data banks keep their accession numbers")
    func dataBanks() throws {
        #expect(try ParserFixtures.record("all-fields.xml").dataBanks == [
            DataBank(name: "ClinicalTrials.gov", accessionNumbers: ["NCT02417064", "NCT02418585"]),
        ])
    }

    @Test("COI statement and number of references")
    func coiAndReferenceCount() throws {
        let record = try ParserFixtures.record("all-fields.xml")
        #expect(record.coiStatement == "Dr Fedgchin is an employee of Janssen.")
        #expect(record.numberOfReferences == 42)
    }

    // MARK: Books

    @Test("a book chapter: title is the chapter's, book fields are kept, editors apart from authors")
    func bookChapter() throws {
        let records = try ParserFixtures.parse("book-article.xml").records
        try #require(records.count == 2)
        let chapter = records[0]
        #expect(chapter.kind == .book)
        #expect(chapter.pmid == PMID(20301546))
        #expect(chapter.title == "Ketamine Sensitivity")
        #expect(chapter.status == "ppublish")
        #expect(chapter.articleIDs == [ArticleID(type: "bookaccession", value: "NBK1116"), ArticleID(type: "pubmed", value: "20301546")])
        #expect(chapter.authors.map(\.lastName) == ["Smith"])
        #expect(chapter.pubDate == PubDate(year: 1993))
        #expect(chapter.dateRevised == PartialDate(year: 2023, month: 1, day: 12))
        #expect(chapter.abstract == [AbstractSection(label: "SUMMARY", text: "A chapter summary.")])
        #expect(chapter.publicationTypes == [PublicationType(name: "Review", ui: "D016454")])
        #expect(chapter.history == [HistoryDate(status: "pubmed", year: 2010, month: 3, day: 20)])

        let book = try #require(chapter.book)
        #expect(book.bookTitle == "GeneReviews®")
        #expect(book.chapterTitle == "Ketamine Sensitivity")
        #expect(book.publisherName == "University of Washington, Seattle")
        #expect(book.publisherLocation == "Seattle (WA)")
        #expect(book.volume == "3")
        #expect(book.edition == "2nd")
        #expect(book.collectionTitle == "Clinical Reviews")
        #expect(book.isbns == ["978-0-00-000000-1", "0-00-000000-2"])
        #expect(book.medium == "Internet")
        #expect(book.editors.map(\.lastName) == ["Adam"])
        #expect(book.locationLabels == [Identifier(source: "chapter", value: "ch1")])
        #expect(book.sections == ["Summary", "Diagnosis"])
        #expect(book.beginningDate == PartialDate(year: 1993))
        #expect(book.endingDate == PartialDate(year: 2024))
        #expect(book.contributionDate == PartialDate(year: 2010, month: 3, day: 18))
    }

    @Test("a whole book: title is the book title and the book's authors are the record's")
    func wholeBook() throws {
        let records = try ParserFixtures.parse("book-article.xml").records
        try #require(records.count == 2)
        #expect(records[1].title == "A Whole Book")
        #expect(records[1].authors.map(\.collectiveName) == ["Committee on Ketamine"])
        #expect(records[1].book?.authors.count == 1)
        #expect(records[1].pubDate == PubDate(year: 2005, month: "Jun"))
    }

    // MARK: Legacy

    @Test("legacy MedlineCitation: DateCreated and Article/Affiliation are kept")
    func legacyFields() throws {
        let records = try ParserFixtures.parse("legacy-medline-citation-set.xml").records
        try #require(records.count == 2)
        #expect(records[0].dateCreated == PartialDate(year: 1999, month: 12, day: 17))
        #expect(records[0].articleAffiliation == "Institute of Legacy Studies, Bethesda, MD.")
        #expect(records[0].pagination?.expandedPages == "1123-1129")
        #expect(records[1].status == "In-Process")
    }

    // MARK: Recoverable problems

    @Test("bad year, unknown month and missing title are warnings; the record is still yielded")
    func recoverableProblems() throws {
        let result = try ParserFixtures.parse("recoverable-problems.xml")
        #expect(result.records.map(\.pmid) == [PMID(33000014), PMID(33000015)])
        let first = result.records[0]
        #expect(first.title == nil)
        #expect(first.pubDate?.year == nil)
        #expect(first.pubDate?.month == "Smarch")
        let messages = result.diagnostics.map(\.message)
        #expect(messages.contains { $0.contains("publication year \"20x1\"") })
        #expect(messages.contains { $0.contains("unknown publication month \"Smarch\"") })
        #expect(messages.contains { $0.contains("no title") })
        #expect(messages.contains { $0.contains("PMID \"not-a-number\"") })
        #expect(result.diagnostics.allSatisfy { $0.severity == .warning })
        let titleWarning = try #require(result.diagnostics.first { $0.message.contains("no title") })
        #expect(titleWarning.pmid == PMID(33000014))
        #expect(titleWarning.line == 3)
        #expect(titleWarning.description.hasPrefix("\(titleWarning.file):3: warning: PMID 33000014: "))
        #expect(result.summary.warnings == result.diagnostics.count)
    }

    @Test("a first four-digit year is found in MedlineDate text", arguments: [
        ("1998 Dec-1999 Jan", Int?(1998)), ("Winter 2003-2004", 2003), ("2019", 2019), ("12345 2001", 2001), ("Spring", nil),
    ])
    func firstYear(text: String, year: Int?) {
        #expect(RecordBuilder.firstYear(in: text) == year)
    }
}
