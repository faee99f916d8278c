import ArgumentParser
import EvidenceStore

/// `--sort`, `--since`, `--until` and `--type`: the filters every command that runs a search
/// query shares (`search`, `export --query`).
struct SearchFilterOptions: ParsableArguments {
    @Option(help: "Order: relevance, date or pmid.")
    var sort: SearchSort = .relevance

    @Option(help: ArgumentHelp("Only records published in or after this year.", valueName: "year"))
    var since: Int?

    @Option(help: ArgumentHelp("Only records published in or before this year.", valueName: "year"))
    var until: Int?

    @Option(name: .customLong("type"), parsing: .singleValue,
            help: ArgumentHelp("Only this publication type (repeatable), e.g. \"Randomized Controlled Trial\".", valueName: "type"))
    var types: [String] = []

    /// Whether any filter narrows the result set (the sort order does not).
    var narrowsResults: Bool { since != nil || until != nil || !types.isEmpty }

    /// Search options with these filters and the given page and extras.
    func searchOptions(limit: Int, offset: Int = 0, facets: [SearchFacet] = [], snippets: Bool) -> SearchOptions {
        SearchOptions(limit: limit, offset: offset, sort: sort, since: since, until: until,
                      publicationTypes: types, facets: facets, snippets: snippets)
    }
}
