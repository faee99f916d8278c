/// The query mix of `evidence bench search`: each query has a shape (category); its class
/// (rare, mid, common, very common) is measured on the index, by the share of records it
/// matches.
enum BenchSearchQueries {
    /// A query shape.
    enum Category: String, CaseIterable {
        case single = "single term"
        case and = "2-3 term AND"
        case phrase = "phrase"
        case truncation = "truncation"
        case field = "field tags"
        case date = "date range"
        case proximity = "proximity"
        case broadOr = "broad OR"
    }

    /// A match-fraction class.
    enum MatchClass: String, CaseIterable {
        case rare = "rare <0.1%"
        case mid = "mid 0.1-3%"
        case common = "common 3-30%"
        case veryCommon = "very common >30%"

        init(fraction: Double) {
            switch fraction {
            case ..<0.001: self = .rare
            case ..<0.03: self = .mid
            case ...0.30: self = .common
            default: self = .veryCommon
            }
        }
    }

    static let all: [(Category, String)] = [
        (.single, "esketamine"), (.single, "ketamine"), (.single, "apoptosis"), (.single, "mortality"),
        (.single, "patients"), (.single, "the"), (.single, "of"), (.single, "results"), (.single, "zebrafish"),
        (.and, "ketamine AND depression"), (.and, "esketamine nasal spray"), (.and, "cells AND apoptosis AND mice"),
        (.and, "patients AND treatment"), (.and, "the AND of"), (.and, "study AND results AND patients"),
        (.phrase, "\"treatment resistant depression\""), (.phrase, "\"nasal spray\""), (.phrase, "\"confidence interval\""),
        (.phrase, "\"in patients with\""), (.phrase, "\"of the\""),
        (.truncation, "esketam*"), (.truncation, "ketam*"), (.truncation, "depress*"), (.truncation, "pati*"), (.truncation, "cell*"),
        (.field, "esketamine[ti]"), (.field, "ketamine[tiab]"), (.field, "patients[tiab]"), (.field, "Humans[mh]"),
        (.field, "Review[pt]"), (.field, "Smith J[au]"), (.field, "esketamine[ti] AND Randomized Controlled Trial[pt]"),
        (.field, "patients[tiab] AND eng[la]"),
        (.date, "ketamine AND 2015:2020[dp]"), (.date, "patients AND 2010:2020[dp]"), (.date, "the AND 2000:2024[dp]"),
        (.date, "esketamine AND 2019/06:2021[dp]"),
        (.proximity, "\"ketamine depression\"[tiab:~5]"), (.proximity, "\"patients treatment\"[tiab:~3]"),
        (.proximity, "\"cells apoptosis\"[tiab:~10]"), (.proximity, "\"the of\"[tiab:~2]"),
        (.broadOr, "patients OR treatment OR study"), (.broadOr, "the OR of OR and"), (.broadOr, "ketamine OR esketamine OR depression"),
        (.broadOr, "cells OR protein OR expression OR gene"), (.broadOr, "results OR methods"), (.broadOr, "mortality OR survival OR risk"),
    ]
}
