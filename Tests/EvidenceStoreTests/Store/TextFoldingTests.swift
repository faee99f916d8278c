import Testing
@testable import EvidenceStore

@Suite("TextFolding")
struct TextFoldingTests {
    @Test("folds case, diacritics and the letters Unicode keeps", arguments: [
        ("Müller", "muller"), ("Østergaard SD", "ostergaard sd"), ("Åsberg", "asberg"), ("Łukasz", "lukasz"),
        ("Straße", "strasse"), ("Yıldız", "yildiz"), ("Æbelø", "aebelo"), ("Œuvre", "oeuvre"), ("Đorđe", "dorde"),
        ("Guðrún", "gudrun"), ("Þór", "thor"), ("José", "jose"), ("smith j", "smith j"), ("SMITH", "smith"),
    ])
    func folding(text: String, expected: String) {
        #expect(TextFolding.fold(text) == expected)
    }
}
