import Testing
@testable import EvidenceStore

@Suite("Query compiler")
struct QueryCompilerTests {
    private func compiled(_ text: String) throws -> CompiledQuery {
        QueryCompiler.compile(try SearchQuery(text))
    }

    @Test("text-only queries become one fully parenthesised FTS5 expression", arguments: [
        ("ketamine", "\"ketamine\""),
        ("treatment-resistant depression", "\"treatment resistant\" AND \"depression\""),
        ("a OR b AND c", "(\"a\" OR \"b\") AND \"c\""),
        ("a OR b OR c", "\"a\" OR \"b\" OR \"c\""),
        ("a NOT b NOT c", "(\"a\" NOT \"b\") NOT \"c\""),
        ("a NOT (b OR c)", "\"a\" NOT (\"b\" OR \"c\")"),
        ("depress*", "\"depress\" *"),
        ("ketamine[tiab]", "{title abstract} : \"ketamine\""),
        ("ketamine[ti] esketamine[ab]", "{title} : \"ketamine\" AND {abstract} : \"esketamine\""),
        ("ketamine[tw]", "{title abstract mesh_terms keyword_terms} : \"ketamine\""),
        ("\"ketamine depression\"[tiab:~3]", "{title abstract} : NEAR(\"ketamine\" \"depression\", 3)"),
        ("\"N-methyl-D-aspartate receptor\"[ti:~2]", "{title} : NEAR(\"N methyl D aspartate\" \"receptor\", 2)"),
        ("AND1 NEAR ORx", "\"AND1\" AND \"NEAR\" AND \"ORx\""),
    ])
    func ftsExpressions(query: String, expected: String) throws {
        let plan = try compiled(query)
        #expect(plan.matchExpression == expected)
        #expect(plan.rankingExpression == expected)
        #expect(plan.pmidSQL == QueryCompiler.matchSQL)
        #expect(plan.arguments == [.text(expected)])
    }

    @Test("field criteria go to the normalised tables with bound arguments")
    func fieldSQL() throws {
        let author = try compiled("Smith J[au]")
        #expect(author.matchExpression == nil && author.rankingExpression == nil)
        #expect(author.pmidSQL == "SELECT DISTINCT pmid FROM (SELECT pmid FROM author WHERE search_name >= ? AND search_name < ?)",
                "two matching authors of one record give it once")
        #expect(author.arguments == [.text("smith j"), .text("smith j\u{10FFFF}")])

        let surname = try compiled("Smith[au]")
        #expect(surname.pmidSQL == "SELECT DISTINCT pmid FROM (SELECT pmid FROM author WHERE (search_name = ? OR (search_name >= ? AND search_name < ?)))")

        let years = try compiled("2015:2020[dp]")
        #expect(years.pmidSQL == "SELECT pmid FROM article WHERE pub_year BETWEEN ? AND ?")
        #expect(years.arguments == [.integer(2015), .integer(2020)])

        let month = try compiled("2019/06[dp]")
        #expect(month.pmidSQL == "SELECT pmid FROM article WHERE sort_date BETWEEN ? AND ?")
        #expect(month.arguments == [.text("2019-06-01"), .text("2019-06-31")])

        let major = try compiled("Ketamine[majr]")
        #expect(major.pmidSQL == "SELECT DISTINCT pmid FROM (SELECT h.pmid AS pmid FROM mesh_heading h WHERE h.search_descriptor = ? AND h.major_topic = 1)")
    }

    @Test("mixed queries become set operations, ranked by their positive text terms")
    func mixed() throws {
        let plan = try compiled("ketamine[tiab] OR Smith J[au] NOT Review[pt]")
        #expect(plan.matchExpression == nil)
        #expect(plan.pmidSQL == "SELECT pmid FROM (SELECT pmid FROM (SELECT rowid AS pmid FROM article_fts WHERE article_fts MATCH ?) UNION SELECT pmid FROM (SELECT pmid FROM author WHERE search_name >= ? AND search_name < ?)) EXCEPT SELECT pmid FROM (SELECT pmid FROM publication_type WHERE name = ? COLLATE NOCASE)")
        #expect(plan.rankingExpression == "{title abstract} : \"ketamine\"")
        let negated = try compiled("Review[pt] NOT ketamine")
        #expect(negated.rankingExpression == nil)
    }

    @Test("no user text reaches the SQL text or FTS5 unescaped", arguments: [
        "'; DROP TABLE article; --", "ketamine\" OR \"1\"=\"1", "title:ketamine", "{title}: x", "NEAR(a b)",
        "x\") OR rowid > 0 --[au]", "%[ta]", "a_b*[ta]", "Robert'); DROP TABLE author;--[au]", "^ketamine",
    ])
    func escaping(query: String) throws {
        // A query may be refused (a QueryError, before any SQL); if it compiles, check it.
        guard let plan = try? compiled(query) else { return }
        for forbidden in ["DROP", "--", "1\"=\"1", "title:", "rowid >"] where query.contains(forbidden) {
            #expect(!plan.pmidSQL.contains(forbidden), "\(plan.pmidSQL)")
        }
        if let match = plan.matchExpression {
            // Every token sits inside an FTS5 string: outside quotes only operators, braces and column names remain.
            var outside = ""
            var inString = false
            for character in match {
                if character == "\"" { inString.toggle(); continue }
                if !inString { outside.append(character) }
            }
            let allowed = Set("(){}:* ANDORTNEA,0123456789titleabstrcmsh_kywodu")
            #expect(outside.allSatisfy { allowed.contains($0) }, "\(outside)")
        }
    }

    @Test("FTS5 strings double their quotes")
    func stringEscaping() {
        #expect(FTS5Expression.string("a\"b") == "\"a\"\"b\"")
    }

    @Test("explain shows the tree, the FTS5 expression and the SQL")
    func explanation() throws {
        let text = QueryExplanation(try SearchQuery("ketamine[tiab] OR Smith J[au]")).description
        #expect(text == """
            Query as understood:
              ketamine[tiab] OR "smith j"[au]
            Parsed tree (operators apply left to right unless grouped):
              OR
                term "ketamine" in title/abstract
                author "smith j" (prefix)
            Ranked by bm25 over:
              {title abstract} : "ketamine"
            SQL:
              SELECT pmid FROM (SELECT rowid AS pmid FROM article_fts WHERE article_fts MATCH ?) UNION SELECT pmid FROM (SELECT pmid FROM author WHERE search_name >= ? AND search_name < ?)
            Arguments:
              ?1 = '{title abstract} : "ketamine"'
              ?2 = 'smith j'
              ?3 = 'smith j\\u{10FFFF}'
            """)
    }
}
