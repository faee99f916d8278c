import CitationExport
import Testing

struct LaTeXEscapingTests {
    @Test("Special characters, accents and letters become LaTeX", arguments: [
        ("R&D 50% $5 #1 a_b {x} ~ ^ \\", ##"R\&D 50\% \$5 \#1 a\_b \{x\} {\textasciitilde} {\textasciicircum} {\textbackslash}"##),
        ("Müller", #"M{\"u}ller"#), ("Øvergaard Søren", #"{\O}vergaard S{\o}ren"#), ("Łukasz Wróbel", #"{\L}ukasz Wr{\'o}bel"#),
        ("Straße", #"Stra{\ss}e"#), ("Çelik İbrahim", #"{\c C}elik {\.I}brahim"#), ("García", #"Garc{\'i}a"#),
        ("Dvořák", #"Dvo{\v r}{\'a}k"#), ("Ångström", #"{\AA}ngstr{\"o}m"#), ("Erdős", #"Erd{\H o}s"#),
        ("α2 ≥ 5 ± 1 – 3 — x", #"$\alpha$2 $\geq$ 5 $\pm$ 1 -- 3 --- x"#), ("P < .05 > q", #"P {\textless} .05 {\textgreater} q"#),
        ("Эффекты 抑郁", "Эффекты 抑郁"),
        ("Garci\u{301}a Pen\u{303}a α_1", #"Garc{\'i}a Pe{\~n}a $\alpha$\_1"#), ("\u{301}x", "\u{301}x"),
    ])
    func escapes(input: String, expected: String) {
        #expect(LaTeXEscaping.escape(input) == expected)
    }
}

struct PageRangeTests {
    @Test("MEDLINE page ranges are expanded", arguments: [
        ("148-52", "148--152"), ("1109-10", "1109--1110"), ("893-903", "893--903"), ("e1234", "e1234"),
        ("S12-5", "S12--S15"), ("148-52, 160", "148--152, 160"), ("12-S15", "12--S15"), ("iii-iv", "iii--iv"), ("99-101", "99--101"),
    ])
    func expands(pgn: String, expected: String) {
        #expect(PageRange.ranges(medlinePgn: pgn).formatted(separator: "--") == expected)
    }
}
