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
var threadCPU: [Double] = []

/// CPU time of the calling (parsing) thread only: on an idle machine with a spare core this is
/// close to the wall time, since gzip decompression runs on the read-ahead thread.
func threadSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}

for _ in 0..<runs {
    let start = Date()
    let cpuStart = cpuSeconds()
    let threadStart = threadSeconds()
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
    threadCPU.append(threadSeconds() - threadStart)
    print(String(format: "parse %.3f s wall, %.3f s cpu, %.3f s parse-thread cpu, %d records, %d deletions, %d bytes of originalXML",
                 wall.last!, cpu.last!, threadCPU.last!, records, summary.deletions, xmlBytes))
}
print(String(format: "median %.3f s wall, %.3f s cpu, %.3f s parse-thread cpu",
             wall.sorted()[runs / 2], cpu.sorted()[runs / 2], threadCPU.sorted()[runs / 2]))
