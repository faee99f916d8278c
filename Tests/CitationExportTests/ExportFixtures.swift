import CitationExport
import Foundation
import PubMed

/// Records built in code, one per hard case, named after the quirk they cover.
enum ExportFixtures {
    /// A journal article with everything: ten authors (Vancouver's "et al."), DOI, PMCID,
    /// structured abstract with a sample size, MeSH, keywords, history, electronic date.
    static var fullArticle: PubMedRecord {
        var record = PubMedRecord(pmid: PMID(31166571))
        record.owner = "NLM"
        record.status = "MEDLINE"
        record.dateCompleted = PartialDate(year: 2020, month: 5, day: 6)
        record.dateRevised = PartialDate(year: 2023, month: 11, day: 14)
        record.title = "Efficacy of Esketamine Nasal Spray Plus Oral Antidepressant Treatment for Relapse Prevention in Patients With Treatment-Resistant Depression: A Randomized Clinical Trial."
        record.abstract = [
            AbstractSection(label: "IMPORTANCE", category: "BACKGROUND", text: "Controlled studies on esketamine maintenance are lacking."),
            AbstractSection(label: "DESIGN, SETTING, AND PARTICIPANTS", category: "METHODS", text: "This phase 3 randomized withdrawal study enrolled 705 adults with treatment-resistant depression at 138 sites; 297 entered the randomized phase (n = 176 in stable remission)."),
            AbstractSection(label: "CONCLUSIONS AND RELEVANCE", category: "CONCLUSIONS", text: "Esketamine plus an oral antidepressant delayed relapse."),
        ]
        let people: [(String, String, String)] = [
            ("Daly", "Ella J", "EJ"), ("Trivedi", "Madhukar H", "MH"), ("Janik", "Adam", "A"), ("Li", "Honglan", "H"),
            ("Zhang", "Yun", "Y"), ("Li", "Xiang", "X"), ("Lane", "Rosanne", "R"), ("Lim", "Pilar", "P"),
            ("Duca", "Anna R", "AR"), ("Singh", "Jaskaran B", "JB"),
        ]
        record.authors = people.map { Author(lastName: $0.0, foreName: $0.1, initials: $0.2) }
        record.authors[0].affiliations = ["Janssen Research & Development, LLC, Titusville, New Jersey."]
        record.authors[0].orcid = "0000-0002-1825-0097"
        record.journal = Journal(title: "JAMA psychiatry", isoAbbreviation: "JAMA Psychiatry", issn: "2168-6238",
                                 issnType: "Electronic", volume: "76", issue: "9", citedMedium: "Internet")
        record.pubDate = PubDate(year: 2019, month: "Sep", day: "01")
        record.articleDates = [HistoryDate(status: "Electronic", year: 2019, month: 6, day: 5)]
        record.pubModel = "Print"
        record.pagination = Pagination(startPage: "893", endPage: "903", medlinePgn: "893-903")
        record.eLocationIDs = [ELocationID(type: "doi", value: "10.1001/jamapsychiatry.2019.1189")]
        record.articleIDs = [
            ArticleID(type: "pubmed", value: "31166571"), ArticleID(type: "pii", value: "2735364"),
            ArticleID(type: "doi", value: "10.1001/jamapsychiatry.2019.1189"), ArticleID(type: "pmc", value: "PMC6551577"),
        ]
        record.languages = ["eng"]
        record.publicationTypes = [
            PublicationType(name: "Clinical Trial, Phase III", ui: "D017428"), PublicationType(name: "Journal Article", ui: "D016428"),
            PublicationType(name: "Randomized Controlled Trial", ui: "D016449"), PublicationType(name: "Research Support, Non-U.S. Gov't", ui: "D013485"),
        ]
        record.mesh = [
            MeshHeading(descriptor: "Antidepressive Agents", ui: "D000928", qualifiers: [MeshQualifier(name: "administration & dosage"), MeshQualifier(name: "therapeutic use", major: true)]),
            MeshHeading(descriptor: "Depressive Disorder, Treatment-Resistant", ui: "D061218", major: true),
            MeshHeading(descriptor: "Humans", ui: "D006801"),
        ]
        record.chemicals = [Chemical(name: "Antidepressive Agents", ui: "D000928", registryNumber: "0"), Chemical(name: "Ketamine", ui: "D007649", registryNumber: "690G0D6V8H")]
        record.keywords = [Keyword(text: "esketamine", owner: "NOTNLM"), Keyword(text: "relapse prevention", owner: "NOTNLM")]
        record.citationSubsets = ["IM"]
        record.journalInfo = MedlineJournalInfo(country: "United States", medlineTA: "JAMA Psychiatry", nlmUniqueID: "101589550", issnLinking: "2168-622X")
        record.history = [
            HistoryDate(status: "pubmed", year: 2019, month: 6, day: 6, hour: 6, minute: 0),
            HistoryDate(status: "medline", year: 2020, month: 5, day: 7, hour: 6, minute: 0),
            HistoryDate(status: "entrez", year: 2019, month: 6, day: 6, hour: 6, minute: 0),
        ]
        record.publicationStatus = "ppublish"
        record.coiStatement = "Dr Daly is an employee of Janssen Research & Development."
        return record
    }

    /// A collective author first, then people; MEDLINE's abbreviated page range `148-52`;
    /// a `MedlineDate` spanning two years; no DOI.
    static var collectiveMedlineDate: PubMedRecord {
        var record = PubMedRecord(pmid: PMID(10000001))
        record.status = "MEDLINE"
        record.owner = "NLM"
        record.title = "Ketamine infusions for refractory depression: a multicentre case series."
        record.authors = [
            Author(collectiveName: "Ketamine & Depression Study Group"),
            Author(lastName: "O'Brien", foreName: "Seán", initials: "S"),
            Author(lastName: "Smith", foreName: "John", initials: "J", suffix: "Jr"),
        ]
        record.journal = Journal(title: "The British journal of psychiatry : the journal of mental science", isoAbbreviation: "Br J Psychiatry",
                                 issn: "0007-1250", issnType: "Print", volume: "173", issue: "6")
        record.pubDate = PubDate(year: 1998, medlineDate: "1998 Dec-1999 Jan")
        record.pagination = Pagination(medlinePgn: "148-52")
        record.languages = ["eng"]
        record.publicationTypes = [PublicationType(name: "Case Reports"), PublicationType(name: "Journal Article")]
        record.abstract = [AbstractSection(text: "We describe 12 patients given ketamine; 50% responded, a rate of 6 in 12 (P < .05).")]
        record.journalInfo = MedlineJournalInfo(country: "England", medlineTA: "Br J Psychiatry", nlmUniqueID: "0342367")
        record.articleIDs = [ArticleID(type: "pubmed", value: "10000001")]
        record.publicationStatus = "ppublish"
        return record
    }

    /// Diacritics in names, a bracketed translated title with a Cyrillic vernacular title, LaTeX's
    /// special characters and Greek letters in the title, a German-language record.
    static var diacriticsVernacular: PubMedRecord {
        var record = PubMedRecord(pmid: PMID(10000002))
        record.status = "PubMed-not-MEDLINE"
        record.owner = "NLM"
        record.title = "[α2-Adrenergic & NMDA effects of ketamine: 50% of cases_1 ~ costs $100 #1 ^ \\ in Müller's cohort]."
        record.vernacularTitle = "Эффекты кетамина при депрессии"
        record.authors = [
            Author(lastName: "Müller", foreName: "Jürgen", initials: "J"),
            Author(lastName: "Øvergaard", foreName: "Søren", initials: "S"),
            Author(lastName: "Wróbel", foreName: "Łukasz", initials: "Ł"),
            Author(lastName: "Sánchez-García", foreName: "María José", initials: "MJ"),
            Author(lastName: "Çelik", foreName: "İbrahim", initials: "İ"),
        ]
        record.journal = Journal(title: "Der Nervenarzt", isoAbbreviation: "Nervenarzt", issn: "0028-2804", issnType: "Print", volume: "90", issue: "4")
        record.pubDate = PubDate(year: 2019, month: "04")
        record.pagination = Pagination(medlinePgn: "e1234")
        record.eLocationIDs = [ELocationID(type: "doi", value: "10.1007/s00115-019-0001-x")]
        record.languages = ["ger"]
        record.publicationTypes = [PublicationType(name: "Review"), PublicationType(name: "Journal Article")]
        record.journalInfo = MedlineJournalInfo(country: "Germany", medlineTA: "Nervenarzt", nlmUniqueID: "0400773")
        return record
    }

    /// A chapter of a book (a `PubmedBookArticle` with its own title), with editors and publisher.
    static var bookChapter: PubMedRecord {
        var record = PubMedRecord(pmid: PMID(20301546), kind: .book)
        record.status = "Publisher"
        record.owner = "NLM"
        record.title = "Alpha-Thalassemia"
        var book = Book()
        book.bookTitle = "GeneReviews®"
        book.chapterTitle = "Alpha-Thalassemia"
        book.publisherName = "University of Washington, Seattle"
        book.publisherLocation = "Seattle (WA)"
        book.editors = [Author(lastName: "Adam", foreName: "Margaret P", initials: "MP"), Author(lastName: "Feldman", foreName: "Jerry", initials: "J")]
        book.collectionTitle = "GeneReviews"
        record.book = book
        record.authors = [Author(lastName: "Origa", foreName: "Raffaella", initials: "R"), Author(lastName: "Moi", foreName: "Paolo", initials: "P")]
        record.pubDate = PubDate(year: 1993)
        record.languages = ["eng"]
        record.publicationTypes = [PublicationType(name: "Review")]
        record.articleIDs = [ArticleID(type: "pubmed", value: "20301546"), ArticleID(type: "bookaccession", value: "NBK1435")]
        return record
    }

    /// A whole book.
    static var wholeBook: PubMedRecord {
        var record = PubMedRecord(pmid: PMID(10000003), kind: .book)
        record.title = "Treatment-Resistant Depression: A Clinical Guide"
        var book = Book()
        book.bookTitle = "Treatment-Resistant Depression: A Clinical Guide"
        book.publisherName = "National Academies Press (US)"
        book.publisherLocation = "Washington (DC)"
        book.isbns = ["9780309000000"]
        book.edition = "2nd"
        record.book = book
        record.authors = [Author(collectiveName: "Institute of Medicine (US) Committee on Depression")]
        record.pubDate = PubDate(year: 2011)
        record.languages = ["eng"]
        return record
    }

    /// Flattened markup in the title (sub/superscripts, MathML), an acronym-heavy sentence-case
    /// title, a season date, a supplement page range `S12-5`; same first author, year and title
    /// word as `sameKeyAsMarkup`, so the keys need a suffix.
    static var markupTitle: PubMedRecord {
        var record = PubMedRecord(pmid: PMID(10000004))
        record.title = "Ketamine and 5-HT2A receptor binding in TRD measured with 11C-PET and mRNA levels in London."
        record.authors = [Author(lastName: "van der Berg", foreName: "Anna", initials: "A"), Author(lastName: "McLean", foreName: "Ian", initials: "I")]
        record.journal = Journal(title: "Journal of psychopharmacology (Oxford, England)", isoAbbreviation: "J Psychopharmacol", issn: "0269-8811", volume: "33", issue: "Suppl 1")
        record.pubDate = PubDate(year: 2020, season: "Spring")
        record.pagination = Pagination(medlinePgn: "S12-5")
        record.articleIDs = [ArticleID(type: "doi", value: "10.1177/0269881120000001")]
        record.abstract = [AbstractSection(label: "METHODS", text: "Positron emission tomography (N=86) was performed."), AbstractSection(label: "RESULTS", text: "Binding fell by 20%.")]
        record.languages = ["eng"]
        record.publicationTypes = [PublicationType(name: "Journal Article"), PublicationType(name: "Meta-Analysis"), PublicationType(name: "Systematic Review")]
        return record
    }

    /// Same base key as `markupTitle`.
    static var sameKeyAsMarkup: PubMedRecord {
        var record = markupTitle
        record.pmid = PMID(10000005)
        record.title = "Ketamine, serotonin and sleep: a pilot study."
        record.articleIDs = []
        record.pagination = Pagination(startPage: "1109", endPage: "1110")
        record.pubDate = PubDate(year: 2020, month: "Mar", day: "15")
        record.publicationTypes = [PublicationType(name: "Observational Study")]
        record.abstract = []
        return record
    }

    /// Every hard case, in a fixed order.
    static var all: [PubMedRecord] {
        [fullArticle, collectiveMedlineDate, diacriticsVernacular, bookChapter, wholeBook, markupTitle, sameKeyAsMarkup]
    }

    /// Items for `all`, the first three cited by claims (one record cited twice).
    static var itemsWithClaims: [ExportItem] {
        let records = all
        var items = records.map { ExportItem(record: $0) }
        items[0].claim = ClaimContext(claimID: "c1", claimText: "Esketamine prevents relapse in TRD.", verdict: "supported",
                                      stance: "supports", quote: "Esketamine plus an oral antidepressant delayed relapse.")
        items[1].claim = ClaimContext(claimID: "c2", claimText: "Half of patients respond to ketamine, \"quickly\".", verdict: "mixed",
                                      stance: "supports", quote: "50% responded, a rate of 6 in 12")
        items.append(ExportItem(record: records[0], claim: ClaimContext(claimID: "c2", claimText: "Half of patients respond to ketamine, \"quickly\".",
                                                                        verdict: "mixed", stance: "neutral", quote: "705 adults\nwith TRD")))
        return items
    }
}
