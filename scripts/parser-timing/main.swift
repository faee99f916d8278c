// Times PubMedParser on one file: parse + field extraction + originalXML, records dropped.
// Built and run by scripts/parser-timing.sh; prints one line per run and the median.
import Foundation
import PubMed

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: parser-timing FILE [RUNS]\n".utf8))
    exit(64)
}
let path = arguments[1]
let runs = arguments.count > 2 ? Int(arguments[2]) ?? 3 : 3
var wall: [Double] = []
var cpu: [Double] = []

func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}

for _ in 0..<runs {
    let start = Date()
    let cpuStart = cpuSeconds()
    var records = 0
    var xmlBytes = 0
    let summary = try PubMedParser().parse(.file(path: path)) { item in
        if case .record(let record) = item {
            records += 1
            xmlBytes += record.originalXML.utf8.count
        }
    }
    wall.append(Date().timeIntervalSince(start))
    cpu.append(cpuSeconds() - cpuStart)
    print(String(format: "parse %.3f s wall, %.3f s cpu, %d records, %d deletions, %d bytes of originalXML",
                 wall.last!, cpu.last!, records, summary.deletions, xmlBytes))
}
print(String(format: "median %.3f s wall, %.3f s cpu", wall.sorted()[runs / 2], cpu.sorted()[runs / 2]))
