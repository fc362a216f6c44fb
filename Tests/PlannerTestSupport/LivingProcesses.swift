import Foundation

/// The processes of this machine, read from `/proc`: what a test checks is left behind.
public enum LivingProcesses {
    /// "pid: command line" of every process that is not a zombie and whose command line matches
    /// `predicate`.
    public static func matching(_ predicate: (String) -> Bool) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.filter { Int32($0) != nil }.compactMap { pid in
            guard let raw = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return nil }
            let command = String(decoding: raw.map { $0 == 0 ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
            guard predicate(command) else { return nil }
            let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
            let state = stat.split(separator: ")").last?.split(separator: " ").first
            return state == "Z" ? nil : "\(pid): \(command)"
        }
    }
}
