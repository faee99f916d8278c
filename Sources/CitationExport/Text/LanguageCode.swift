/// Maps MEDLINE's ISO 639-2 language codes (`eng`, `ger`) to the BCP 47 tags CSL expects (`en`, `de`).
enum LanguageCode {
    /// The two-letter tag when known, else the code unchanged.
    static func bcp47(_ code: String) -> String {
        table[code.lowercased()] ?? code
    }

    private static let table: [String: String] = [
        "eng": "en", "ger": "de", "deu": "de", "fre": "fr", "fra": "fr", "spa": "es", "ita": "it", "por": "pt",
        "rus": "ru", "chi": "zh", "zho": "zh", "jpn": "ja", "kor": "ko", "dut": "nl", "nld": "nl", "pol": "pl",
        "cze": "cs", "ces": "cs", "swe": "sv", "dan": "da", "nor": "no", "fin": "fi", "hun": "hu", "tur": "tr",
        "gre": "el", "ell": "el", "heb": "he", "ara": "ar", "per": "fa", "fas": "fa", "hrv": "hr", "srp": "sr",
        "slv": "sl", "slo": "sk", "slk": "sk", "ukr": "uk", "rum": "ro", "ron": "ro", "bul": "bg", "lit": "lt",
        "lav": "lv", "est": "et", "ice": "is", "isl": "is", "tha": "th", "vie": "vi", "ind": "id", "may": "ms",
        "hin": "hi", "cat": "ca", "afr": "af",
    ]
}
