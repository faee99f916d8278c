import Foundation

extension WordVectors {
    /// Smallest document frequency of a vocabulary stem.
    public static let minimumDocumentFrequency = 3
    /// Co-occurrence window: stems up to this many content words apart.
    public static let window = 5
    /// Default power iterations of the randomized SVD: with `defaultOversampling`, the top 100 singular
    /// values of the SciFact corpus change by less than 1e-3 (relative; 6.9e-4) from here to 5 more.
    public static let defaultPowerIterations = 15
    /// Default number of extra test vectors of the randomized SVD beyond `dimensions`. PPMI spectra are
    /// flat around the 100th value, so 10 extra vectors converge slowly (SciFact: still 5.9e-3 between
    /// 15 and 20 power iterations); 40 converge in 15.
    public static let defaultOversampling = 40
    /// Default seed of the SVD's Gaussian test matrix.
    public static let defaultSeed: UInt64 = 0x5EED_0F_7EC7_0125

    /// What a build did and how long each stage took.
    public struct BuildFigures: Sendable, Equatable {
        /// Records (texts) read.
        public var records = 0
        /// Content stems in all texts.
        public var tokens = 0
        /// Stems with document frequency ≥ `minimumDocumentFrequency`.
        public var vocabulary = 0
        /// Non-zero co-occurrence counts and PPMI values.
        public var cooccurrences = 0
        public var nonZeros = 0
        /// Wall-clock seconds: tokenising and stemming, counting (vocabulary and co-occurrences), PPMI, SVD.
        public var tokenizeSeconds = 0.0
        public var countSeconds = 0.0
        public var ppmiSeconds = 0.0
        public var svdSeconds = 0.0
        /// The top singular values of the PPMI matrix.
        public var singularValues: [Double] = []

        public init() {}

        public var totalSeconds: Double { tokenizeSeconds + countSeconds + ppmiSeconds + svdSeconds }
    }

    /// The content stems of `text` in order, repeats kept (`WordToken.isContentWord`, as
    /// `EvidenceQuery.contentWords`), stemmed.
    public static func contentStems(of text: String) -> [String] {
        WordTokenizer.tokens(of: ScalarText(text)).filter(\.isContentWord).map(\.stem)   // the Porter stem of `folded` (cached)
    }

    /// The positive PMI matrix of `sequences` (stems in order) over their vocabulary, with the
    /// vocabulary (sorted) and each stem's document frequency.
    static func positivePMI(of sequences: [[String]], figures: inout BuildFigures)
        -> (matrix: SparseMatrix, vocabulary: [String], frequencies: [Int]) {
        var start = ProcessInfo.processInfo.systemUptime
        var frequency: [String: Int] = [:]
        for sequence in sequences {
            for stem in Set(sequence) { frequency[stem, default: 0] += 1 }
        }
        let vocabulary = frequency.filter { $0.value >= minimumDocumentFrequency }.keys.sorted()
        let ids = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, Int32($0)) })
        var counts = CooccurrenceCounts(size: vocabulary.count, window: window)
        for sequence in sequences {
            counts.add(sequence.compactMap { ids[$0] })
        }
        let matrix = counts.matrix()
        var now = ProcessInfo.processInfo.systemUptime
        figures.countSeconds = now - start
        figures.vocabulary = vocabulary.count
        figures.cooccurrences = matrix.nonZeroCount
        start = now
        let pmi = CooccurrenceCounts.positivePMI(matrix)
        now = ProcessInfo.processInfo.systemUptime
        figures.ppmiSeconds = now - start
        figures.nonZeros = pmi.nonZeroCount
        return (pmi, vocabulary, vocabulary.map { frequency[$0] ?? 0 })
    }

    /// Builds vectors from `texts` (one per record: title + " . " + abstract).
    public static func build(texts: some Sequence<String>, dimensions: Int = 100,
                             powerIterations: Int = defaultPowerIterations,
                             oversampling: Int = defaultOversampling,
                             seed: UInt64 = defaultSeed) -> (WordVectors, BuildFigures) {
        var figures = BuildFigures()
        var start = ProcessInfo.processInfo.systemUptime
        let sequences = texts.map(contentStems(of:))
        figures.records = sequences.count
        figures.tokens = sequences.reduce(0) { $0 + $1.count }
        figures.tokenizeSeconds = ProcessInfo.processInfo.systemUptime - start
        let (pmi, vocabulary, frequencies) = positivePMI(of: sequences, figures: &figures)
        start = ProcessInfo.processInfo.systemUptime
        let svd = RandomizedSVD(pmi, rank: dimensions, oversampling: oversampling,
                                powerIterations: powerIterations, seed: seed)
        var storage = [Float](repeating: 0, count: vocabulary.count * dimensions)
        let kept = svd.singularValues.count
        let scale = svd.singularValues.map { $0.squareRoot() }
        for row in 0 ..< vocabulary.count {
            var norm = 0.0
            var values = [Double](repeating: 0, count: kept)
            for column in 0 ..< kept {
                values[column] = svd.leftVectors[row, column] * scale[column]
                norm += values[column] * values[column]
            }
            guard norm > 0 else { continue }
            norm = norm.squareRoot()
            for column in 0 ..< kept { storage[row * dimensions + column] = Float(values[column] / norm) }
        }
        figures.svdSeconds = ProcessInfo.processInfo.systemUptime - start
        figures.singularValues = svd.singularValues
        let vectors = WordVectors(dimensions: dimensions, recordCount: figures.records, stems: vocabulary,
                                  documentFrequencies: frequencies, storage: storage)
        return (vectors, figures)
    }
}
