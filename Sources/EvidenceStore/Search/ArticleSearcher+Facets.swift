/// Facet counts over the whole result set, not just the page.
extension ArticleSearcher {
    /// Counts of `facet` values among every record `compiled` matches; years newest first
    /// (all of them), other facets most frequent first (`limit` of them).
    func facetCounts(_ facet: SearchFacet, compiled: CompiledQuery, limit: Int) throws -> [FacetCount] {
        let set = compiled.pmidSQL
        let sql: String
        var arguments = Self.bindable(compiled.arguments)
        switch facet {
        case .year:
            sql = """
                SELECT pub_year, count(*) FROM article WHERE pmid IN (\(set)) AND pub_year IS NOT NULL
                GROUP BY pub_year ORDER BY pub_year DESC
                """
        case .type:
            sql = """
                SELECT name, count(DISTINCT pmid) AS n FROM publication_type WHERE pmid IN (\(set))
                GROUP BY name ORDER BY n DESC, name LIMIT ?
                """
            arguments.append(limit)
        case .journal:
            sql = """
                SELECT coalesce(journal_ta, journal_iso, journal_title) AS j, count(*) AS n FROM article
                WHERE pmid IN (\(set)) AND j IS NOT NULL GROUP BY j ORDER BY n DESC, j LIMIT ?
                """
            arguments.append(limit)
        case .mesh:
            sql = """
                SELECT descriptor, count(DISTINCT pmid) AS n FROM mesh_heading WHERE pmid IN (\(set))
                GROUP BY descriptor ORDER BY n DESC, descriptor LIMIT ?
                """
            arguments.append(limit)
        }
        return try database.query(sql, arguments: arguments) { FacetCount(value: $0.string(0) ?? "", count: $0.int(1)) }
    }
}
